// Signing and checking extracts with jose (EdDSA over Ed25519), without "server-only": the
// offline verifier (scripts/verify-extract.ts) runs this very code against a downloaded .jws and
// the township's published public key.
import { calculateJwkThumbprint, CompactSign, compactVerify, importJWK, type JWK } from "jose";
import { canonicalJson, isUnexpired, type ExtractContent } from "@/lib/domain/extract-content";
import { ExtractContentSchema, type PublicExtractKey } from "@/lib/schemas/extracts";

export const EXTRACT_ALG = "EdDSA";
export const EXTRACT_JWS_TYPE = "fca-extract+jws";

/** The key id of an Ed25519 JWK (public or private): its RFC 7638 SHA-256 thumbprint. */
export async function keyIdOf(jwk: JWK): Promise<string> {
  if (jwk.kty !== "OKP" || jwk.crv !== "Ed25519" || typeof jwk.x !== "string") throw new Error("not an Ed25519 key (kty OKP, crv Ed25519)");
  return calculateJwkThumbprint({ kty: "OKP", crv: "Ed25519", x: jwk.x }, "sha256");
}

export async function publicKeyOf(jwk: JWK): Promise<PublicExtractKey> {
  return { kty: "OKP", crv: "Ed25519", x: jwk.x!, kid: await keyIdOf(jwk), alg: EXTRACT_ALG, use: "sig" };
}

/** Signs the canonical JSON of the content: a compact JWS whose header names the key. */
export async function signExtractContent(content: ExtractContent, privateJwk: JWK): Promise<string> {
  if (typeof privateJwk.d !== "string") throw new Error("the extract signing key has no private part (d)");
  const key = await importJWK({ ...privateJwk, alg: EXTRACT_ALG }, EXTRACT_ALG);
  const kid = await keyIdOf(privateJwk);
  return new CompactSign(new TextEncoder().encode(canonicalJson(content)))
    .setProtectedHeader({ alg: EXTRACT_ALG, kid, typ: EXTRACT_JWS_TYPE })
    .sign(key);
}

/**
 * The payload of a JWS if its signature verifies with this public key (and the header names
 * it), else null. Nothing is trusted before that: a malformed token is simply not authentic.
 */
export async function verifiedPayload(jws: string, publicJwk: JWK): Promise<string | null> {
  try {
    const kid = await keyIdOf(publicJwk);
    const key = await importJWK({ kty: "OKP", crv: "Ed25519", x: publicJwk.x, alg: EXTRACT_ALG }, EXTRACT_ALG);
    const { payload, protectedHeader } = await compactVerify(jws.trim(), key, { algorithms: [EXTRACT_ALG] });
    if (protectedHeader.kid !== kid) return null;
    return new TextDecoder().decode(payload);
  } catch {
    return null;
  }
}

/** Whether a stored extract is authentic: its JWS verifies and signs exactly the stored content. */
export async function storedExtractIsAuthentic(jws: string, content: unknown, publicJwk: JWK): Promise<boolean> {
  const payload = await verifiedPayload(jws, publicJwk);
  return payload !== null && payload === canonicalJson(content);
}

export type OfflineCheck = {
  authentic: boolean;
  unexpired: boolean;
  valid: boolean;
  content: ExtractContent | null;
  problems: ("SIGNATURE" | "FORMAT" | "KEY_ID" | "EXPIRED" | "NOT_CANONICAL")[];
};

/**
 * The offline check of a downloaded extract (`npm run verify:extract`): the signature with the
 * township's public key, the document it signs, and the validity date against `today`
 * ("YYYY-MM-DD"). Revocation cannot be known offline: only the public page knows it.
 */
export async function checkExtractOffline(jws: string, publicJwk: JWK, today: string): Promise<OfflineCheck> {
  const payload = await verifiedPayload(jws, publicJwk);
  if (payload === null) return { authentic: false, unexpired: false, valid: false, content: null, problems: ["SIGNATURE"] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    parsed = null;
  }
  // The whole document the paper prints, or FORMAT: a signed payload of another shape (a key
  // misused, a format to come) is not an extract this verifier can show.
  const document = ExtractContentSchema.safeParse(parsed);
  if (!document.success) return { authentic: false, unexpired: false, valid: false, content: null, problems: ["FORMAT"] };
  const content: ExtractContent = document.data;
  const problems: OfflineCheck["problems"] = [];
  // The bytes as signed, not the parsed document (which drops unknown keys), must be canonical.
  if (canonicalJson(parsed) !== payload) problems.push("NOT_CANONICAL");
  if (content.keyId !== (await keyIdOf(publicJwk))) problems.push("KEY_ID");
  const authentic = problems.length === 0;
  const unexpired = isUnexpired(content, today);
  if (!unexpired) problems.push("EXPIRED");
  return { authentic, unexpired, valid: authentic && unexpired, content, problems };
}
