import "server-only";
import { randomInt } from "node:crypto";
import { hashSecret } from "@/lib/server/auth/password";

// No 0/O, 1/I/L: the code is read off paper and typed on a phone.
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
export const ACCESS_CODE_LENGTH = 10;
export const ACCESS_CODE_VALID_DAYS = 30;

const randomString = (alphabet: string, length: number) =>
  Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join("");

/** A one-time household access code, its argon2id hash (all that is stored) and its expiry. */
export async function newAccessCode(now = new Date()) {
  const code = randomString(CODE_ALPHABET, ACCESS_CODE_LENGTH);
  const expiresAt = new Date(now.getTime() + ACCESS_CODE_VALID_DAYS * 24 * 60 * 60_000);
  return { code, hash: await hashSecret(code), expiresAt };
}

/** A temporary password that satisfies PasswordSchema (letters and digits), to be changed at sign-in. */
export async function newTemporaryPassword() {
  let password = "";
  while (!/[a-z]/.test(password) || !/\d/.test(password)) password = randomString(PASSWORD_ALPHABET, 12);
  return { password, hash: await hashSecret(password) };
}
