// Signing and checking extracts with jose (EdDSA over Ed25519), without "server-only": the
// offline verifier (scripts/verify-extract.ts) runs this very code against a downloaded .jws and
// the township's published public key.
import { calculateJwkThumbprint, CompactSign, compactVerify, importJWK, type JWK } from "jose";
import { canonicalJson, isExtractContent, isUnexpired, type ExtractContent } from "@/lib/domain/extract-content";

export const EXTRACT_ALG = "EdDSA";
export const EXTRACT_JWS_TYPE = "fca-extract+jws";

/** An Ed25519 public JWK as published, with its RFC 7638 thumbprint as kid. */
export type PublicExtractKey = { kty: "OKP"; crv: "Ed25519"; x: string; kid: string; alg: "EdDSA"; use: "sig" };

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
  if (!isExtractContent(parsed)) return { authentic: false, unexpired: false, valid: false, content: null, problems: ["FORMAT"] };
  const problems: OfflineCheck["problems"] = [];
  if (canonicalJson(parsed) !== payload) problems.push("NOT_CANONICAL");
  if (parsed.keyId !== (await keyIdOf(publicJwk))) problems.push("KEY_ID");
  const authentic = problems.length === 0;
  const unexpired = isUnexpired(parsed, today);
  if (!unexpired) problems.push("EXPIRED");
  return { authentic, unexpired, valid: authentic && unexpired, content: parsed, problems };
}
