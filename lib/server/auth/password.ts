import "server-only";
import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (m=19 MiB, t=2, p=1), OWASP's recommended minimum.
export const hashSecret = (secret: string): Promise<string> => hash(secret);

// A hash of nothing anyone knows: verifying against it when the account does not exist makes
// "no such user" take as long as "wrong password".
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$pYQO3ZuLCQrYY0e0KRZFiA$zR0EgV1wuaaA1OHgnRUVbz4yKrav8ou3VV0PiFcFWf0";

export async function verifySecret(storedHash: string | null | undefined, secret: string): Promise<boolean> {
  try {
    return await verify(storedHash ?? DUMMY_HASH, secret);
  } catch {
    return false;
  }
}
