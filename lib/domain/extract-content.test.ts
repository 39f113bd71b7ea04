import { exportJWK, generateKeyPair, type JWK } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { checkExtractOffline, publicKeyOf, signExtractContent, storedExtractIsAuthentic } from "@/lib/server/extracts/jws";
import {
  addDays, canonicalJson, CODE_ALPHABET, formatNewCode, isUnexpired, normalizeCode, signatureOf, verificationUrl,
  type ExtractContent,
} from "./extract-content";

const content = (keyId: string): ExtractContent => ({
  format: "fca-extract/1", code: "ABCD-EFGH-JKLM", township: { name: "夹山镇", county: "石门县" },
  household: { archiveNo: "JS-XH-00001", headName: "张建国", village: "新花村" }, purpose: "SCHOOL_ADMISSION", purposeNote: null,
  period: { from: "2019-03-01", to: "2026-11-20" },
  reds: [{ occurredOn: "2020-05-01", ruleCode: "R01", ruleTitle: "孝老爱亲", marks: 2 }],
  counts: { activeYellows: 1, blacks: 0 }, score: { basis: "ALL_TIME", score: 1, redMarks: 2, activeYellowMarks: 1, blackMarks: 0 },
  awards: [2020], issuedOn: "2026-11-20", validUntil: "2027-05-19", digest: "JS-20261120T0000Z-" + "a".repeat(64), keyId,
});

describe("canonical JSON", () => {
  it("sorts keys at every level and keeps arrays in order", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
  });
  it("is the same for the same document however its keys were ordered", () => {
    expect(canonicalJson({ x: "中文", y: 1 })).toBe(canonicalJson({ y: 1, x: "中文" }));
  });
});

describe("verification codes", () => {
  it("draws 12 unambiguous characters grouped by four", () => {
    const code = formatNewCode(new Uint8Array(12).map((_, i) => i * 37));
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(CODE_ALPHABET).not.toMatch(/[01IO]/);
  });
  it("reads a typed code in any case, with spaces or dashes, and refuses anything else", () => {
    expect(normalizeCode(" abcd efgh-jklm ")).toBe("ABCD-EFGH-JKLM");
    expect(normalizeCode("ABCDEFGHJKLM")).toBe("ABCD-EFGH-JKLM");
    expect(normalizeCode("ABCD-EFGH-JKL")).toBeNull();
    expect(normalizeCode("ABCD-EFGH-JKL0")).toBeNull(); // 0 is not in the alphabet
    expect(normalizeCode("'; DROP TABLE")).toBeNull();
  });
});

describe("validity", () => {
  it("counts calendar days and holds through the last one", () => {
    expect(addDays("2026-11-20", 180)).toBe("2027-05-19");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(isUnexpired({ validUntil: "2027-05-19" }, "2027-05-19")).toBe(true);
    expect(isUnexpired({ validUntil: "2027-05-19" }, "2027-05-20")).toBe(false);
  });
});

describe("signing and checking (EdDSA, Ed25519)", () => {
  let privateJwk: JWK;
  let publicJwk: JWK;
  let keyId: string;
  beforeAll(async () => {
    const pair = await generateKeyPair("EdDSA", { crv: "Ed25519", extractable: true });
    privateJwk = await exportJWK(pair.privateKey);
    const published = await publicKeyOf(privateJwk);
    publicJwk = published;
    keyId = published.kid;
  });

  it("verifies what it signed, offline, and knows the date", async () => {
    const jws = await signExtractContent(content(keyId), privateJwk);
    const check = await checkExtractOffline(jws, publicJwk, "2026-12-01");
    expect(check).toMatchObject({ authentic: true, unexpired: true, valid: true, problems: [] });
    expect(check.content?.household.headName).toBe("张建国");
    expect((await checkExtractOffline(jws, publicJwk, "2027-05-20"))).toMatchObject({ authentic: true, unexpired: false, valid: false, problems: ["EXPIRED"] });
    expect(await storedExtractIsAuthentic(jws, content(keyId), publicJwk)).toBe(true);
    expect(verificationUrl("https://a.example", "ABCD-EFGH-JKLM", jws)).toBe(`https://a.example/verify/ABCD-EFGH-JKLM?s=${signatureOf(jws)}`);
  });

  it("refuses one character of the printed content changed in the payload", async () => {
    const jws = await signExtractContent(content(keyId), privateJwk);
    const [header, payload, signature] = jws.split(".");
    const text = Buffer.from(payload!, "base64url").toString("utf8");
    const altered = Buffer.from(text.replace("张建国", "张建图"), "utf8").toString("base64url");
    expect(altered).not.toBe(payload);
    const check = await checkExtractOffline(`${header}.${altered}.${signature}`, publicJwk, "2026-12-01");
    expect(check).toMatchObject({ authentic: false, valid: false, content: null });
    // And stored content that differs from what was signed is no longer authentic either.
    const stored = content(keyId);
    stored.counts.blacks = 0;
    stored.counts.activeYellows = 0;
    expect(await storedExtractIsAuthentic(jws, stored, publicJwk)).toBe(false);
  });

  it("refuses another key, and garbage", async () => {
    const jws = await signExtractContent(content(keyId), privateJwk);
    const other = await exportJWK((await generateKeyPair("EdDSA", { crv: "Ed25519", extractable: true })).publicKey);
    expect((await checkExtractOffline(jws, other, "2026-12-01")).authentic).toBe(false);
    expect((await checkExtractOffline("not.a.jws", publicJwk, "2026-12-01")).authentic).toBe(false);
    expect((await checkExtractOffline("", publicJwk, "2026-12-01")).authentic).toBe(false);
  });
});
