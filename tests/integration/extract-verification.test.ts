import "../helpers/app-database";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chinaToday } from "@/lib/domain/entry-date";
import { addDays, signatureOf } from "@/lib/domain/extract-content";
import { MAX_CODE_INPUT, MAX_SIGNATURE_INPUT } from "@/lib/schemas/extracts";
import { db } from "@/lib/server/db";
import { checkExtractOffline, storedExtractIsAuthentic } from "@/lib/server/extracts/jws";
import { EXTRACT_LOOKUP_LIMIT } from "@/lib/server/extracts/verification-limit";
import { verifyExtractCode } from "@/lib/server/extracts/verify-extract-code";
import { describeCheck, verifyExtractFiles } from "../../scripts/verify-extract";
import { callApi, fetchInProcess, ORIGIN } from "../helpers/api-client";
import { recordConfirmed } from "../helpers/archive-fixtures";

// Extract verification (issue 9 "Done when"): valid, expired, revoked, tampered (one character of
// the printed content, the signature in the URL, the stored content) and unknown codes, online
// and offline; the public answer holds nothing that is not on the printout; lookups are limited.

const household = { username: "JS-XH-00001" };
const official = { username: "official" };
let householdId: string;
let dir: string;
let keyFile: string;
let addressSerial = 0;
/** A client address of its own for each lookup group, so the limit test alone reaches the limit. */
const newAddress = () => `198.51.100.${++addressSerial}`;

type Issued = { id: string; code: string; jws: string; content: Record<string, any> };

async function issue(): Promise<Issued> {
  const created = await callApi("POST", `/api/v1/households/${householdId}/extracts`, { as: household, body: { purpose: "CIVIL_SERVICE" } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const issued = await callApi("POST", `/api/v1/extracts/${created.body.id}/issue`, { as: official });
  expect(issued.status, JSON.stringify(issued.body)).toBe(200);
  const row = await db.archiveExtract.findUniqueOrThrow({ where: { id: created.body.id }, select: { code: true, jws: true, content: true } });
  return { id: created.body.id, code: row.code, jws: row.jws!, content: row.content as Record<string, any> };
}

const lookup = (code: string, s?: string, address = newAddress()) =>
  callApi("GET", `/api/v1/public/extracts/${encodeURIComponent(code)}${s === undefined ? "" : `?s=${encodeURIComponent(s)}`}`, {
    as: null, headers: { "x-fca-client-ip": address },
  });

/** The same JWS with one character of the printed content changed in its payload. */
function tamperedJws(jws: string): string {
  const [header, payload, signature] = jws.split(".");
  const text = Buffer.from(payload!, "base64url").toString("utf8");
  const altered = text.replace(/"issuedOn":"(\d{4}-\d{2}-)(\d)/, (_m, head: string, digit: string) => `"issuedOn":"${head}${(Number(digit) + 1) % 10}`);
  expect(altered).not.toBe(text);
  expect(altered.length).toBe(text.length);
  return `${header}.${Buffer.from(altered, "utf8").toString("base64url")}.${signature}`;
}

beforeAll(async () => {
  householdId = (await db.household.findUniqueOrThrow({ where: { archiveNo: "JS-XH-00001" }, select: { id: true } })).id;
  await recordConfirmed(householdId, "RED");
  dir = mkdtempSync(path.join(tmpdir(), "fca-extract-"));
  const key = await callApi("GET", "/api/v1/public/extract-key", { as: null });
  expect(key.status).toBe(200);
  expect(key.body).toMatchObject({ kty: "OKP", crv: "Ed25519", alg: "EdDSA" });
  expect(key.body).not.toHaveProperty("d");
  keyFile = path.join(dir, "township-public-key.jwk");
  writeFileSync(keyFile, JSON.stringify(key.body));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a valid extract", () => {
  it("is authentic, unexpired and unrevoked, by its code and by the QR code's URL", async () => {
    const extract = await issue();
    const byQr = await lookup(extract.code, signatureOf(extract.jws));
    expect(byQr.status, JSON.stringify(byQr.body)).toBe(200);
    expect(byQr.body).toMatchObject({ code: extract.code, authentic: true, unexpired: true, unrevoked: true, valid: true, revokedOn: null });
    // Typed from paper: any case, without dashes.
    const typed = await lookup(extract.code.replaceAll("-", " ").toLowerCase());
    expect(typed.body).toMatchObject({ code: extract.code, valid: true });
  });

  it("answers nothing that is not printed on the extract", async () => {
    const extract = await issue();
    const res = await lookup(extract.code, signatureOf(extract.jws));
    expect(Object.keys(res.body).sort()).toEqual(["authentic", "code", "content", "revokedOn", "unexpired", "unrevoked", "valid"]);
    expect(res.body.content).toEqual(extract.content);
    const answer = JSON.stringify(res.body);
    const h = await db.household.findUniqueOrThrow({
      where: { id: householdId },
      select: { address: true, phone: true, members: { where: { relation: { not: "HEAD" } }, select: { name: true } }, entries: { select: { id: true, description: true } } },
    });
    for (const secret of [householdId, extract.id, h.address, ...(h.phone ? [h.phone] : []), ...h.members.map((m) => m.name),
      ...h.entries.flatMap((e) => [e.id, e.description])]) {
      expect(answer, `the answer mentions ${secret}`).not.toContain(secret);
    }
  });

  it("checks offline with the published key, and says that revocation needs the page", async () => {
    const extract = await issue();
    const file = path.join(dir, "valid.jws");
    writeFileSync(file, extract.jws);
    const check = await verifyExtractFiles(file, keyFile, chinaToday(new Date()));
    expect(check).toMatchObject({ authentic: true, unexpired: true, valid: true });
    const report = describeCheck(check, chinaToday(new Date()));
    expect(report).toContain("撤销");
    // The whole signed content, worded as on the paper and in its order, to compare with it.
    const c = extract.content;
    const long = (day: string) => new Intl.DateTimeFormat("zh-CN", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
    const expected = [
      "家庭文明档案证明", `${c.township.county}${c.township.name}人民政府`,
      `档案编号：${c.household.archiveNo}`, `户主：${c.household.headName}`, `所在村（社区）：${c.township.county}${c.township.name}${c.household.village}`,
      "用途：招考录用", `证明期间：${long(c.period.from)}至${long(c.period.to)}`, `红榜记录（${c.reds.length}条）`,
      ...c.reds.map((r: { occurredOn: string; ruleCode: string; ruleTitle: string; marks: number }) => `${long(r.occurredOn)} | ${r.ruleCode} ${r.ruleTitle} | ${r.marks}`),
      `期间内未整改的黄榜 ${c.counts.activeYellows} 条，黑榜 ${c.counts.blacks} 条。`,
      `累计积分 ${c.score.score} 分（红榜 ${c.score.redMarks} 分，未整改黄榜 ${c.score.activeYellowMarks} 分，黑榜 ${c.score.blackMarks} 分）。`,
      c.awards.length ? `获评“文明家庭”年度：${c.awards.join("、")}年。` : "期间内未获评“文明家庭”。",
      `出具日期：${long(c.issuedOn)}`, `有效期至：${long(c.validUntil)}`, `验证码：${c.code}`,
      `${c.township.name}档案摘要（出具当日）：${c.digest}`, `签名密钥编号：${c.keyId}`,
    ];
    expect(c.reds.length).toBeGreaterThan(0);
    let at = -1;
    for (const line of expected) {
      const found = report.indexOf(line, at + 1);
      expect(found, `"${line}" after position ${at} in:\n${report}`).toBeGreaterThan(at);
      at = found;
    }
    const run = spawnSync("node_modules/.bin/tsx", ["scripts/verify-extract.ts", file, "--key", keyFile], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("AUTHENTIC");
    expect(run.stdout).toContain("Revocation cannot be checked offline");
    expect(run.stdout).toContain(`签名密钥编号：${c.keyId}`);
  });
});

describe("an expired extract", () => {
  it("is still authentic but no longer valid after its last day, online and offline", async () => {
    const extract = await issue();
    const lastDay = extract.content.validUntil as string;
    const onLastDay = await verifyExtractCode(extract.code, undefined, { ip: newAddress(), userAgent: null }, new Date(`${lastDay}T12:00:00+08:00`));
    expect(onLastDay).toMatchObject({ authentic: true, unexpired: true, valid: true });
    const after = await verifyExtractCode(extract.code, undefined, { ip: newAddress(), userAgent: null }, new Date(`${addDays(lastDay, 1)}T00:30:00+08:00`));
    expect(after).toMatchObject({ authentic: true, unexpired: false, unrevoked: true, valid: false });
    const file = path.join(dir, "expired.jws");
    writeFileSync(file, extract.jws);
    expect(await verifyExtractFiles(file, keyFile, addDays(lastDay, 1))).toMatchObject({ authentic: true, unexpired: false, valid: false, problems: ["EXPIRED"] });
    const run = spawnSync("node_modules/.bin/tsx", ["scripts/verify-extract.ts", file, "--key", keyFile, "--today", addDays(lastDay, 1)], { encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("EXPIRED");
  });
});

describe("a revoked extract", () => {
  it("is authentic but not valid, and the reason stays internal", async () => {
    const extract = await issue();
    const reason = "发现档案记录有误需重新出具";
    expect((await callApi("POST", `/api/v1/extracts/${extract.id}/revoke`, { as: official, body: { reason } })).status).toBe(200);
    const res = await lookup(extract.code, signatureOf(extract.jws));
    const { revokedAt } = await db.archiveExtract.findUniqueOrThrow({ where: { id: extract.id }, select: { revokedAt: true } });
    expect(res.body).toMatchObject({ authentic: true, unexpired: true, unrevoked: false, valid: false, revokedOn: chinaToday(revokedAt!) });
    expect(JSON.stringify(res.body)).not.toContain(reason);
  });
});

describe("the public page /verify/<code>", () => {
  // The page renders what verifyExtractCode answers (its verdict, and ExtractBody of the signed
  // content); rendering the Server Component needs Next's request scope, which these tests do not
  // have, so this checks the loader the page calls, for a revoked extract, against everything
  // the archive knows that the paper does not print.
  it("is given nothing that is not printed: no ids, descriptions, members, address, phone or revocation reason", async () => {
    const extract = await issue();
    const reason = "内部原因：申请人材料存疑";
    expect((await callApi("POST", `/api/v1/extracts/${extract.id}/revoke`, { as: official, body: { reason } })).status).toBe(200);
    const result = await verifyExtractCode(extract.code, signatureOf(extract.jws), { ip: newAddress(), userAgent: null });
    expect(result).toMatchObject({ authentic: true, unrevoked: false, valid: false });
    expect(result.content).toEqual(extract.content);
    const row = await db.archiveExtract.findUniqueOrThrow({ where: { id: extract.id }, select: { requestedById: true, decidedById: true, revokedById: true, settingsId: true } });
    const h = await db.household.findUniqueOrThrow({
      where: { id: householdId },
      select: { address: true, phone: true, members: { where: { relation: { not: "HEAD" } }, select: { name: true } }, entries: { select: { id: true, description: true } } },
    });
    const page = JSON.stringify(result);
    for (const secret of [householdId, extract.id, reason, row.requestedById, row.decidedById!, row.revokedById!, row.settingsId!, h.address,
      ...(h.phone ? [h.phone] : []), ...h.members.map((m) => m.name), ...h.entries.flatMap((e) => [e.id, e.description])]) {
      expect(page, `the page is given ${secret}`).not.toContain(secret);
    }
    // The key id it shows is printed on the paper too (components/extracts/extract-document.tsx).
    expect(result.content!.keyId).toBe(extract.content.keyId);
  });
});

describe("a tampered extract", () => {
  it("(a) one character of the printed content changed in the JWS: refused by the library and by the offline verifier", async () => {
    const extract = await issue();
    const forged = tamperedJws(extract.jws);
    const key = JSON.parse((await import("node:fs")).readFileSync(keyFile, "utf8"));
    expect(await checkExtractOffline(forged, key, chinaToday(new Date()))).toMatchObject({ authentic: false, valid: false, content: null });
    const forgedContent = JSON.parse(Buffer.from(forged.split(".")[1]!, "base64url").toString("utf8"));
    expect(await storedExtractIsAuthentic(forged, forgedContent, key)).toBe(false);
    expect(await storedExtractIsAuthentic(extract.jws, forgedContent, key)).toBe(false);
    const file = path.join(dir, "forged.jws");
    writeFileSync(file, forged);
    expect(await verifyExtractFiles(file, keyFile, chinaToday(new Date()))).toMatchObject({ authentic: false, valid: false });
    const run = spawnSync("node_modules/.bin/tsx", ["scripts/verify-extract.ts", file, "--key", keyFile], { encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("NOT AUTHENTIC");
  });

  it("(b) the signature in the URL altered: not authentic, and nothing shown", async () => {
    const extract = await issue();
    const signature = signatureOf(extract.jws);
    const altered = `${signature[0] === "A" ? "B" : "A"}${signature.slice(1)}`;
    const res = await lookup(extract.code, altered);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ authentic: false, valid: false, content: null });
  });

  it("(c) the stored content altered in the database (an attacker past the trigger): not authentic", async () => {
    const extract = await issue();
    await db.$transaction(async (tx) => {
      // What an attacker with the database would do; the trigger refuses it otherwise.
      await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
      await tx.$executeRaw`UPDATE "ArchiveExtract" SET "content" = jsonb_set("content", '{counts,blacks}', '0'::jsonb) || jsonb_build_object('awards', '[2020, 2021]'::jsonb) WHERE "id" = ${extract.id}::uuid`;
    });
    const stored = await db.archiveExtract.findUniqueOrThrow({ where: { id: extract.id }, select: { content: true } });
    expect(stored.content).not.toEqual(extract.content);
    const res = await lookup(extract.code, signatureOf(extract.jws));
    expect(res.body).toMatchObject({ authentic: false, valid: false, content: null });
    const byCode = await lookup(extract.code);
    expect(byCode.body).toMatchObject({ authentic: false, content: null });
  });
});

describe("unknown codes", () => {
  it("answer the same neutral 404 for an unknown, a malformed and a not yet issued code", async () => {
    const pending = await callApi("POST", `/api/v1/households/${householdId}/extracts`, { as: household, body: { purpose: "SCHOOL_ADMISSION" } });
    const pendingCode = (await db.archiveExtract.findUniqueOrThrow({ where: { id: pending.body.id }, select: { code: true } })).code;
    const answers = await Promise.all(["ABCD-EFGH-JKLM", "abcd", "'; SELECT 1; --", "Z".repeat(40), "Z".repeat(41), pendingCode].map((code) => lookup(code)));
    for (const res of answers) {
      expect(res.status).toBe(404);
      expect(res.body).toEqual(answers[0]!.body);
    }
    expect(JSON.stringify(answers[0]!.body)).not.toMatch(/ABCD|extract/i);
  });

  it("answers the same 404 to a 41-character code and to codes and signatures past the input bounds, and counts every lookup", async () => {
    const address = newAddress();
    const unknown = await lookup("ABCD-EFGH-JKLM", undefined, newAddress());
    expect(unknown.status).toBe(404);
    const tooLong = await lookup("ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789-A", undefined, address);
    expect("ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789-A").toHaveLength(41);
    const longSignature = await lookup("ABCD-EFGH-JKLM", "A".repeat(300), address);
    // Past the bounds the parameters are cut, not refused: still the neutral 404, still counted.
    const overBoundCode = await lookup("Z".repeat(MAX_CODE_INPUT + 1), undefined, address);
    const overBoundSignature = await lookup("ABCD-EFGH-JKLM", "A".repeat(MAX_SIGNATURE_INPUT + 1), address);
    for (const res of [tooLong, longSignature, overBoundCode, overBoundSignature]) {
      expect(res.status, JSON.stringify(res.body)).toBe(404);
      expect(res.body).toEqual(unknown.body);
    }
    const windows = await db.extractLookupWindow.findMany({ where: { network: address } });
    expect(windows.reduce((sum, w) => sum + w.count, 0)).toBe(4);
  });
});

describe("the lookup limit", () => {
  it(`answers 429 with Retry-After past ${EXTRACT_LOOKUP_LIMIT.lookups} lookups from one address in ${EXTRACT_LOOKUP_LIMIT.windowMs / 60_000} minutes`, async () => {
    const address = "203.0.113.77";
    // The windows are fixed: start well inside one.
    const msLeft = EXTRACT_LOOKUP_LIMIT.windowMs - (Date.now() % EXTRACT_LOOKUP_LIMIT.windowMs);
    if (msLeft < 10_000) await new Promise((resolve) => setTimeout(resolve, msLeft + 100));
    for (let i = 0; i < EXTRACT_LOOKUP_LIMIT.lookups; i++) {
      // Unknown codes count too: guessing is what the limit is for.
      const res = await lookup(`AAAA-BBBB-${String(i).padStart(4, "C").replace(/\d/g, "D")}`, undefined, address);
      expect(res.status).toBe(404);
    }
    const refused = await fetchInProcess(new Request(`${ORIGIN}/api/v1/public/extracts/ABCD-EFGH-JKLM`, { headers: { "x-fca-client-ip": address } }));
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(EXTRACT_LOOKUP_LIMIT.windowMs / 1000 + 1);
    expect((await refused.json()).error.code).toBe("RATE_LIMITED");
    // Another address is not affected.
    expect((await lookup("ABCD-EFGH-JKLM", undefined, "203.0.113.78")).status).toBe(404);
    // Counted in PostgreSQL, so every app instance sees the same count.
    const windows = await db.extractLookupWindow.findMany({ where: { network: address } });
    expect(windows.reduce((sum, w) => sum + w.count, 0)).toBeGreaterThan(EXTRACT_LOOKUP_LIMIT.lookups);
  });
});
