import "server-only";
import { exportJWK, generateKeyPair, type JWK } from "jose";
import type { PublicExtractKey } from "@/lib/schemas/extracts";
import { publicKeyOf } from "./jws";
import { parseExtractSigningJwk } from "./signing-jwk";

// The township's extract signing key (DESIGN.md "Archive extract"): an Ed25519 private JWK in
// the setting EXTRACT_SIGNING_KEY. `npm start` generates one on first start into
// .data/extract-signing-key.jwk and passes it in (scripts/start.ts), as it does the session
// secret; a deployment sets its own. Its public half is published at GET /api/v1/public/extract-key
// with kid = its RFC 7638 thumbprint, which every extract signed with it names.

export type SigningKey = { privateJwk: JWK; publicKey: PublicExtractKey; keyId: string };

// Kept on globalThis, as lib/server/db.ts keeps its client: dev-server reloads and the several
// server bundles of one process (route handlers, pages, server actions) must sign with, and
// publish, one and the same key — above all the temporary one, which no setting pins.
const globalForKey = globalThis as unknown as { fcaExtractSigningKey?: Promise<SigningKey>; fcaTemporaryExtractJwk?: Promise<JWK> };

/** Generates a new Ed25519 private JWK (the start script and tests use it too). */
export async function generateExtractSigningJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair("EdDSA", { crv: "Ed25519", extractable: true });
  const jwk = await exportJWK(privateKey);
  return { kty: jwk.kty, crv: jwk.crv, x: jwk.x, d: jwk.d };
}

/** `next dev` and tests without the setting: one temporary key for the whole process. */
function temporaryJwk(): Promise<JWK> {
  if (!globalForKey.fcaTemporaryExtractJwk) {
    console.warn("EXTRACT_SIGNING_KEY is not set: extracts are signed with a temporary key of this process");
    globalForKey.fcaTemporaryExtractJwk = generateExtractSigningJwk();
  }
  return globalForKey.fcaTemporaryExtractJwk;
}

async function load(): Promise<SigningKey> {
  const setting = process.env.EXTRACT_SIGNING_KEY;
  let privateJwk: JWK;
  if (setting) privateJwk = parseExtractSigningJwk(setting);
  else if (process.env.NODE_ENV === "production") {
    throw new Error("EXTRACT_SIGNING_KEY is not set: extracts cannot be signed (npm start generates one; see README, Environment)");
  } else privateJwk = await temporaryJwk();
  const publicKey = await publicKeyOf(privateJwk);
  return { privateJwk, publicKey, keyId: publicKey.kid };
}

/** The signing key, read once per process. */
export function extractSigningKey(): Promise<SigningKey> {
  globalForKey.fcaExtractSigningKey ??= load().catch((error: unknown) => {
    globalForKey.fcaExtractSigningKey = undefined;
    throw error;
  });
  return globalForKey.fcaExtractSigningKey;
}
