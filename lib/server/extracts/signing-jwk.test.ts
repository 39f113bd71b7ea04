import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseExtractSigningJwk } from "./signing-jwk";

const newJwk = () => generateKeyPairSync("ed25519").privateKey.export({ format: "jwk" }) as { kty: string; crv: string; x: string; d: string };

describe("parseExtractSigningJwk (EXTRACT_SIGNING_KEY, checked when a production server starts)", () => {
  it("accepts an Ed25519 private JWK and keeps only its key fields", () => {
    const jwk = newJwk();
    expect(parseExtractSigningJwk(JSON.stringify({ ...jwk, kid: "x" }))).toEqual({ kty: "OKP", crv: "Ed25519", x: jwk.x, d: jwk.d });
  });

  it("refuses what is not JSON, not an Ed25519 private JWK, or whose x does not belong to its d", () => {
    const jwk = newJwk();
    expect(() => parseExtractSigningJwk("not json")).toThrow(/EXTRACT_SIGNING_KEY is not JSON/);
    expect(() => parseExtractSigningJwk(JSON.stringify({ kty: jwk.kty, crv: jwk.crv, x: jwk.x }))).toThrow(/not an Ed25519 private JWK/);
    expect(() => parseExtractSigningJwk(JSON.stringify({ ...jwk, crv: "X25519" }))).toThrow(/not an Ed25519 private JWK/);
    const mismatched = JSON.stringify({ ...jwk, x: newJwk().x });
    expect(() => parseExtractSigningJwk(mismatched)).toThrow(/"x" does not belong to its private half "d"/);
    // The message never repeats the secret.
    try {
      parseExtractSigningJwk(mismatched);
    } catch (error) {
      expect((error as Error).message).not.toContain(jwk.d);
    }
  });
});
