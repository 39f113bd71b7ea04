import { generateKeyPairSync } from "node:crypto";
import type { JWK } from "jose";
import { describe, expect, it } from "vitest";
import { EXTRACT_FORMAT, type ExtractContent } from "@/lib/domain/extract-content";
import { describeCheck } from "../../../scripts/verify-extract";
import { checkExtractOffline, keyIdOf, signExtractContent } from "./jws";

// The offline check trusts nothing in a payload until it is the whole document the paper prints:
// a payload the township key did sign, but of another shape, is refused as FORMAT, never shown
// half (scripts/verify-extract.ts would otherwise crash reading what is missing).

const privateJwk = generateKeyPairSync("ed25519").privateKey.export({ format: "jwk" }) as JWK;
const publicJwk: JWK = { kty: privateJwk.kty, crv: privateJwk.crv, x: privateJwk.x };

async function content(): Promise<ExtractContent> {
  return {
    format: EXTRACT_FORMAT,
    code: "ABCD-EFGH-JKLM",
    township: { name: "新华镇", county: "江山县" },
    household: { archiveNo: "JS-XH-00001", headName: "张三", village: "东村" },
    purpose: "CIVIL_SERVICE",
    purposeNote: null,
    period: { from: "2024-03-01", to: "2026-11-20" },
    reds: [{ occurredOn: "2026-05-04", ruleCode: "R1", ruleTitle: "见义勇为", marks: 5 }],
    counts: { activeYellows: 1, blacks: 0 },
    score: { basis: "ALL_TIME", score: 3, redMarks: 5, activeYellowMarks: 2, blackMarks: 0 },
    awards: [2025],
    issuedOn: "2026-11-20",
    validUntil: "2027-02-18",
    digest: "JSXH-20261120-abcdef",
    keyId: await keyIdOf(privateJwk),
  };
}

describe("checkExtractOffline", () => {
  it("accepts a whole signed document, and the report prints it as the paper does", async () => {
    const jws = await signExtractContent(await content(), privateJwk);
    const check = await checkExtractOffline(jws, publicJwk, "2026-11-20");
    expect(check).toMatchObject({ authentic: true, unexpired: true, valid: true, problems: [] });
    expect(check.content).toEqual(await content());
    const report = describeCheck(check, "2026-11-20");
    expect(report).toContain("出具日期：2026年11月20日");
    expect(report).toContain("累计积分 3 分（红榜 5 分，未整改黄榜 2 分，黑榜 0 分）。");
    expect(report).toContain("用途：招考录用");
    expect(report).toContain("2026年5月4日 | R1 见义勇为 | 5");
  });

  it.each([
    ["score", (c: Record<string, unknown>) => delete c.score],
    ["counts", (c: Record<string, unknown>) => delete c.counts],
    ["township", (c: Record<string, unknown>) => delete c.township],
    ["period", (c: Record<string, unknown>) => delete c.period],
    ["a purpose it does not know", (c: Record<string, unknown>) => (c.purpose = "LOAN")],
    ["another format", (c: Record<string, unknown>) => (c.format = "fca-extract/2")],
  ])("refuses a validly signed payload missing or changing %s as FORMAT, without crashing the report", async (_what, change) => {
    const document = (await content()) as unknown as Record<string, unknown>;
    change(document);
    const jws = await signExtractContent(document as unknown as ExtractContent, privateJwk);
    const check = await checkExtractOffline(jws, publicJwk, "2026-11-20");
    expect(check).toEqual({ authentic: false, unexpired: false, valid: false, content: null, problems: ["FORMAT"] });
    expect(describeCheck(check, "2026-11-20")).toMatch(/^✗ 不是真实有效的证明材料/);
  });

  it("refuses a payload signed by another key as SIGNATURE", async () => {
    const jws = await signExtractContent(await content(), generateKeyPairSync("ed25519").privateKey.export({ format: "jwk" }) as JWK);
    expect((await checkExtractOffline(jws, publicJwk, "2026-11-20")).problems).toEqual(["SIGNATURE"]);
  });
});
