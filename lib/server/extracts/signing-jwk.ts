import { createPrivateKey, createPublicKey, sign, verify } from "node:crypto";
import type { JWK } from "jose";
import { z } from "zod";

// Reading the setting EXTRACT_SIGNING_KEY (an Ed25519 private JWK), synchronously and without
// "server-only", so that a production server checks it when it starts (lib/env.ts
// assertProductionEnv) with the same rules the signing code uses (./signing-key.ts).

const PrivateJwkSchema = z.object({ kty: z.literal("OKP"), crv: z.literal("Ed25519"), x: z.string().min(40), d: z.string().min(40) });

const SHAPE = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":…,\"d\":…}";

/**
 * The private JWK the setting holds, after checking that it is one: JSON of an Ed25519 private
 * JWK whose public half `x` belongs to its private half `d` (one signature made and verified).
 * Throws a message naming the setting and what is wrong; it never repeats the secret.
 */
export function parseExtractSigningJwk(setting: string): JWK {
  let json: unknown;
  try {
    json = JSON.parse(setting);
  } catch {
    throw new Error(`EXTRACT_SIGNING_KEY is not JSON: it must hold an Ed25519 private JWK ${SHAPE} (see README, Environment)`);
  }
  const parsed = PrivateJwkSchema.safeParse(json);
  if (!parsed.success) throw new Error(`EXTRACT_SIGNING_KEY is not an Ed25519 private JWK ${SHAPE} (see README, Environment)`);
  const jwk = parsed.data;
  let matches = false;
  try {
    const privateKey = createPrivateKey({ key: { ...jwk }, format: "jwk" });
    const publicKey = createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: "jwk" });
    const probe = Buffer.from("fca-extract signing key check");
    matches = verify(null, probe, publicKey, sign(null, probe, privateKey));
  } catch {
    throw new Error("EXTRACT_SIGNING_KEY is not a usable Ed25519 key: its \"x\" or \"d\" is not a valid key (see README, Environment)");
  }
  if (!matches) {
    throw new Error("EXTRACT_SIGNING_KEY does not hold a key pair: its public half \"x\" does not belong to its private half \"d\", so extracts signed with it could not be verified (see README, Environment)");
  }
  return { kty: jwk.kty, crv: jwk.crv, x: jwk.x, d: jwk.d };
}
