import "server-only";
import { exportJWK, generateKeyPair, type JWK } from "jose";
import { z } from "zod";
import { publicKeyOf, type PublicExtractKey } from "./jws";

// The township's extract signing key (DESIGN.md "Archive extract"): an Ed25519 private JWK in
// the setting EXTRACT_SIGNING_KEY. `npm start` generates one on first start into
// .data/extract-signing-key.jwk and passes it in (scripts/start.ts), as it does the session
// secret; a deployment sets its own. Its public half is published at GET /api/v1/public/extract-key
// with kid = its RFC 7638 thumbprint, which every extract signed with it names.

const PrivateJwkSchema = z.object({ kty: z.literal("OKP"), crv: z.literal("Ed25519"), x: z.string().min(40), d: z.string().min(40) });

export type SigningKey = { privateJwk: JWK; publicKey: PublicExtractKey; keyId: string };

let loaded: Promise<SigningKey> | null = null;

/** Generates a new Ed25519 private JWK (the start script and tests use it too). */
export async function generateExtractSigningJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair("EdDSA", { crv: "Ed25519", extractable: true });
  const jwk = await exportJWK(privateKey);
  return { kty: jwk.kty, crv: jwk.crv, x: jwk.x, d: jwk.d };
}

async function load(): Promise<SigningKey> {
  const setting = process.env.EXTRACT_SIGNING_KEY;
  let privateJwk: JWK;
  if (setting) {
    let json: unknown;
    try {
      json = JSON.parse(setting);
    } catch {
      throw new Error("EXTRACT_SIGNING_KEY is not JSON: it must hold an Ed25519 private JWK (see README, Environment)");
    }
    const parsed = PrivateJwkSchema.safeParse(json);
    if (!parsed.success) throw new Error("EXTRACT_SIGNING_KEY is not an Ed25519 private JWK ({\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":…,\"d\":…})");
    privateJwk = parsed.data;
  } else if (process.env.NODE_ENV === "production") {
    throw new Error("EXTRACT_SIGNING_KEY is not set: extracts cannot be signed (npm start generates one; see README, Environment)");
  } else {
    // `next dev` and tests without the setting: a key for this process only.
    console.warn("EXTRACT_SIGNING_KEY is not set: extracts are signed with a temporary key of this process");
    privateJwk = await generateExtractSigningJwk();
  }
  const publicKey = await publicKeyOf(privateJwk);
  return { privateJwk, publicKey, keyId: publicKey.kid };
}

/** The signing key, read once per process. */
export function extractSigningKey(): Promise<SigningKey> {
  loaded ??= load().catch((error: unknown) => {
    loaded = null;
    throw error;
  });
  return loaded;
}
