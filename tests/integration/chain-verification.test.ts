import "../helpers/app-database";
import { randomUUID } from "node:crypto";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { ChainBreakReport } from "@/lib/schemas/chains";
import { lodgeAppeal } from "@/lib/server/appeals/lodge-appeal";
import { resolveActor } from "@/lib/server/auth/resolve-actor";
import { unsafeVerifyChains } from "@/lib/server/chain/verify-chains";
import { db } from "@/lib/server/db";
import { requestRectification } from "@/lib/server/rectifications/request-rectification";
import { callApi, sessionCookieFor, type Caller } from "../helpers/api-client";
import { recordEntry, ruleOf } from "../helpers/archive-fixtures";
import { deleteRow, setColumn, type Undo } from "../helpers/chain-tamper";
import { createOtherTownship } from "../helpers/other-township";

// Tampering behind the application's back (tests/helpers/chain-tamper.ts), then the verification
// the admin page and `npm run verify:chains` run: one test per hashed or cross-checked column of
// each kind of record, each naming the household and the record. Every change is undone after.

const uploadDir = vi.hoisted(() => {
  const dir = `.data/test-uploads/chains-${process.pid}-${Date.now()}`;
  process.env.UPLOAD_DIR = dir;
  return dir;
});
afterAll(() => rm(uploadDir, { recursive: true, force: true }));

const clerk = { username: "clerk-xinhua" };
const household = { username: "JS-XH-00001" };
const context = { ip: "127.0.0.1", userAgent: "vitest" };
const undo: Undo[] = [];
afterEach(async () => {
  while (undo.length) await undo.pop()!();
});
const tamper = async (change: Promise<Undo>) => undo.push(await change);

type Target = { id: string; householdId: string; archiveNo: string; chainSeq: number };
type Scenario = {
  householdId: string; archiveNo: string;
  photoEntry: string; entryPhoto: string; rectificationPhoto: string;
  declined: string; approved: string; dismissed: string; upheld: string; open: string;
};
let s: Scenario;

const verifyAll = () => unsafeVerifyChains({});
const verifyAs = (as: Caller) => callApi("POST", "/api/v1/chains/verify", { as });
const q = <T>(sql: string, ...params: unknown[]) => db.$queryRawUnsafe<T[]>(sql, ...params);

/** The one break the verification must report, exactly. */
async function expectOnly(expected: Partial<ChainBreakReport>) {
  const result = await verifyAll();
  expect(result.broken).toEqual([expect.objectContaining(expected)]);
  expect(result.brokenTotal).toBe(1);
}

async function eventOf(where: string, ...params: unknown[]): Promise<Target> {
  const rows = await q<Target>(
    `SELECT r.id::text, r."householdId"::text, h."archiveNo", r."chainSeq" FROM "EntryEvent" r
     JOIN "Household" h ON h.id = r."householdId" WHERE ${where} ORDER BY r."chainSeq" LIMIT 1`, ...params);
  expect(rows[0], where).toBeDefined();
  return rows[0]!;
}

// A seeded record in the middle of a chain (not its first, not its last).
async function middle(table: "Entry" | "EntryEvent", extra = "TRUE"): Promise<Target> {
  const rows = await q<Target>(
    `SELECT r.id::text, r."householdId"::text, h."archiveNo", r."chainSeq" FROM "${table}" r
     JOIN "Household" h ON h.id = r."householdId"
     WHERE r."chainSeq" > 1 AND r."chainSeq" < h."chainLength" AND h.id <> $1::uuid AND ${extra}
     ORDER BY h."archiveNo", r."chainSeq" LIMIT 1`, s.householdId);
  expect(rows[0], `a middle ${table} row`).toBeDefined();
  return rows[0]!;
}

const at = (t: Target) => ({ householdId: t.householdId, archiveNo: t.archiveNo, chainSeq: t.chainSeq, recordId: t.id });
const one = async (sql: string, ...params: unknown[]) => (await q<{ v: string }>(sql, ...params))[0]!.v;
const shifted = async (table: string, id: string, column: string, by: string) =>
  one(`SELECT ("${column}" + interval '${by}')::text AS v FROM "${table}" WHERE id = $1::uuid`, id);

async function photoUpload(route: string, as: { username: string }, colour: number): Promise<string> {
  const png = await sharp({ create: { width: 120, height: 90, channels: 3, background: { r: colour, g: 80, b: 40 } } }).png().toBuffer();
  const form = new FormData();
  form.append("file", new File([Buffer.from(png)], "photo.png", { type: "image/png" }));
  const res = await callApi("POST", route, { as, form });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

// Every due-process step, through the API as the council and the household use it.
async function buildScenario(): Promise<Scenario> {
  const { id: householdId } = await db.household.findUniqueOrThrow({ where: { archiveNo: "JS-XH-00001" }, select: { id: true } });
  const post = async (url: string, as: { username: string }, body: unknown) => {
    const res = await callApi("POST", url, { as, body });
    expect(res.status, `${url} ${JSON.stringify(res.body)}`).toBeLessThan(300);
    return res.body.id as string;
  };
  const entryPhoto = await photoUpload("/api/v1/evidence", clerk, 200);
  const photoEntry = await post("/api/v1/entries", clerk, {
    idempotencyKey: randomUUID(), householdId, ruleId: await ruleOf("XH", "RED"), occurredOn: "2026-11-02",
    description: "拾到手机归还失主", evidenceIds: [entryPhoto],
  });
  const yellow = await recordEntry(householdId, "YELLOW");
  const rectificationPhoto = await photoUpload("/api/v1/rectifications/evidence", household, 60);
  const declined = await post(`/api/v1/entries/${yellow}/rectifications`, household, { note: "已清理干净", evidenceIds: [rectificationPhoto] });
  await post(`/api/v1/rectifications/${declined}/decision`, clerk, { decision: "DECLINE", reason: "现场仍有垃圾" });
  const approved = await post(`/api/v1/entries/${yellow}/rectifications`, household, { note: "这次真的清理干净了" });
  await post(`/api/v1/rectifications/${approved}/decision`, clerk, { decision: "APPROVE", reason: "现场核实已整改" });
  const lodge = (entryId: string, reason: string) => post(`/api/v1/entries/${entryId}/appeals`, household, { reason });
  const dismissed = await lodge(await recordEntry(householdId, "BLACK"), "处罚决定已被撤销");
  await post(`/api/v1/appeals/${dismissed}/resolution`, clerk, { outcome: "DISMISSED", resolution: "决定书仍然有效，维持原记录" });
  const upheld = await lodge(await recordEntry(householdId, "YELLOW"), "那天是帮邻居清理");
  await post(`/api/v1/appeals/${upheld}/resolution`, clerk, { outcome: "UPHELD", resolution: "经核实记错了户" });
  const open = await lodge(await recordEntry(householdId, "YELLOW"), "那天家里没人，不是我家");
  return { householdId, archiveNo: "JS-XH-00001", photoEntry, entryPhoto, rectificationPhoto, declined, approved, dismissed, upheld, open };
}

beforeAll(async () => {
  s = await buildScenario();
});

describe("hash chain verification of the seeded township", () => {
  it("finds every chain intact, with seeded and recorded appeals and rectifications of every outcome", async () => {
    const result = await verifyAll();
    const [entries, events, photos] = await Promise.all([
      db.entry.count(), db.entryEvent.count(), db.evidencePhoto.count({ where: { OR: [{ entryId: { not: null } }, { rectificationId: { not: null } }] } }),
    ]);
    expect(result).toMatchObject({ households: 240, records: entries + events, evidenceFiles: photos, brokenTotal: 0, broken: [] });
    expect(photos).toBe(2);
    // Real records to break: due process of every outcome, seeded or recorded here.
    const appeals = await db.appeal.groupBy({ by: ["status"], _count: true });
    const rectifications = await db.rectification.groupBy({ by: ["status"], _count: true });
    expect(appeals.map((a) => a.status).sort()).toEqual(["DISMISSED", "OPEN", "UPHELD"]);
    expect(rectifications.map((r) => r.status).sort()).toEqual(["APPROVED", "DECLINED"]);
    const seededRequests = await db.entryEvent.count({ where: { type: "RECTIFICATION_REQUESTED", householdId: { not: s.householdId } } });
    expect(seededRequests).toBeGreaterThan(10);
  });

  it("chains every due-process step of the household with its text, in order", async () => {
    const events = await db.entryEvent.findMany({
      where: {
        OR: [{ appealId: { in: [s.dismissed, s.upheld, s.open] } }, { rectificationId: { in: [s.declined, s.approved] } }],
      },
      orderBy: { chainSeq: "asc" }, select: { type: true, reason: true, fromStatus: true, toStatus: true },
    });
    expect(events.map((e) => [e.type, e.reason])).toEqual([
      ["RECTIFICATION_REQUESTED", "已清理干净"], ["RECTIFICATION_DECLINED", "现场仍有垃圾"],
      ["RECTIFICATION_REQUESTED", "这次真的清理干净了"], ["RECTIFIED", "现场核实已整改"],
      ["APPEAL_LODGED", "处罚决定已被撤销"], ["APPEAL_DISMISSED", "决定书仍然有效，维持原记录"],
      ["APPEAL_LODGED", "那天是帮邻居清理"], ["VOIDED", "经核实记错了户"],
      ["APPEAL_LODGED", "那天家里没人，不是我家"],
    ]);
    expect(events.filter((e) => e.type !== "RECTIFIED" && e.type !== "VOIDED").every((e) => e.fromStatus === e.toStatus)).toBe(true);
  });
});

describe("an entry changed in the database", () => {
  // Every column that decides who sees, counts or owns it, and what it says.
  const changes: [string, (t: Target) => Promise<string | null>][] = [
    ["villageId", () => one(`SELECT id::text AS v FROM "Village" WHERE code = 'YP'`)],
    ["year", async (t) => String(Number(await one(`SELECT year::text AS v FROM "Entry" WHERE id = $1::uuid`, t.id)) + 1)],
    ["quarter", async (t) => String((Number(await one(`SELECT quarter::text AS v FROM "Entry" WHERE id = $1::uuid`, t.id)) % 4) + 1)],
    ["memberId", (t) => one(`SELECT id::text AS v FROM "Member" WHERE id NOT IN (SELECT "memberId" FROM "Entry" WHERE id = $1::uuid AND "memberId" IS NOT NULL) LIMIT 1`, t.id)],
    ["ruleId", (t) => one(`SELECT r.id::text AS v FROM "Rule" r WHERE r.id <> (SELECT "ruleId" FROM "Entry" WHERE id = $1::uuid) LIMIT 1`, t.id)],
    ["category", (t) => one(`SELECT CASE WHEN category = 'BLACK' THEN 'RED' ELSE 'BLACK' END AS v FROM "Entry" WHERE id = $1::uuid`, t.id)],
    ["marks", (t) => one(`SELECT (marks + 1)::text AS v FROM "Entry" WHERE id = $1::uuid`, t.id)],
    ["occurredOn", (t) => shifted("Entry", t.id, "occurredOn", "-1 day").then((v) => v.slice(0, 10))],
    ["description", async () => "归还拾到的手机一部"],
    ["legalAuthority", async () => "石门县公安局"],
    ["legalDocumentNo", async () => "石公（交）行罚决字〔2026〕9号"],
    ["recordedById", (t) => one(`SELECT id::text AS v FROM "Account" WHERE id <> (SELECT "recordedById" FROM "Entry" WHERE id = $1::uuid) LIMIT 1`, t.id)],
    ["recordedAt", (t) => shifted("Entry", t.id, "recordedAt", "1 second")],
  ];
  it.each(changes)("names the entry whose %s was changed", async (column, value) => {
    const target = await middle("Entry");
    await tamper(setColumn("Entry", target.id, column, await value(target)));
    await expectOnly({ ...at(target), kind: "entry", problem: "HASH_MISMATCH" });
  });

  it("names an entry moved to another household, in the household it was moved to", async () => {
    const target = await middle("Entry");
    const empty = await one(`SELECT id::text AS v FROM "Household" WHERE "chainLength" = 0 LIMIT 1`);
    await tamper(setColumn("Entry", target.id, "householdId", empty));
    const { broken } = await verifyAll();
    expect(broken).toContainEqual(expect.objectContaining({ householdId: empty, recordId: target.id, kind: "entry" }));
    expect(broken).toContainEqual(expect.objectContaining({ householdId: target.householdId, problem: "SEQUENCE_GAP" }));
  });

  it("names the entry whose status was changed without its event (the one unhashed column)", async () => {
    const target = await middle("Entry", `r.status <> 'VOIDED'`);
    await tamper(setColumn("Entry", target.id, "status", "VOIDED"));
    await expectOnly({ ...at(target), kind: "entry", problem: "STATUS_MISMATCH" });
  });

  it("names the entry whose stored hash, link or position was changed", async () => {
    const target = await middle("Entry");
    await tamper(setColumn("Entry", target.id, "hash", "0".repeat(64)));
    await expectOnly({ ...at(target), problem: "HASH_MISMATCH" });
    await undo.pop()!();
    await tamper(setColumn("Entry", target.id, "prevHash", "0".repeat(64)));
    await expectOnly({ ...at(target), problem: "PREV_HASH_MISMATCH" });
    await undo.pop()!();
    await tamper(setColumn("Entry", target.id, "chainSeq", "9999"));
    await expectOnly({ householdId: target.householdId, problem: "SEQUENCE_GAP" });
  });
});

describe("an event changed or deleted in the database", () => {
  const changes: [string, (t: Target) => Promise<string | null>][] = [
    ["entryId", (t) => one(`SELECT e.id::text AS v FROM "Entry" e JOIN "EntryEvent" v ON v."householdId" = e."householdId" WHERE v.id = $1::uuid AND e.id <> v."entryId" LIMIT 1`, t.id)],
    ["type", (t) => one(`SELECT CASE WHEN type = 'REJECTED' THEN 'CONFIRMED' ELSE 'REJECTED' END AS v FROM "EntryEvent" WHERE id = $1::uuid`, t.id)],
    ["fromStatus", (t) => one(`SELECT CASE WHEN "fromStatus" = 'VOIDED' THEN 'PENDING' ELSE 'VOIDED' END AS v FROM "EntryEvent" WHERE id = $1::uuid`, t.id)],
    ["toStatus", (t) => one(`SELECT CASE WHEN "toStatus" = 'VOIDED' THEN 'CONFIRMED' ELSE 'VOIDED' END AS v FROM "EntryEvent" WHERE id = $1::uuid`, t.id)],
    ["reason", async () => "经核实无误"],
    ["actorId", () => one(`SELECT id::text AS v FROM "Account" WHERE username = 'clerk-xinhua'`)],
    ["reviewId", async () => null],
    ["appealId", () => one(`SELECT id::text AS v FROM "Appeal" LIMIT 1`)],
    ["rectificationId", () => one(`SELECT id::text AS v FROM "Rectification" LIMIT 1`)],
    ["createdAt", (t) => shifted("EntryEvent", t.id, "createdAt", "1 second")],
  ];
  it.each(changes)("names the event whose %s was changed", async (column, value) => {
    // A review's decision in the middle of a chain, so that every column above has a value to change.
    const target = await middle("EntryEvent", `r."reviewId" IS NOT NULL AND r."actorId" IS NULL`);
    await tamper(setColumn("EntryEvent", target.id, column, await value(target)));
    await expectOnly({ ...at(target), kind: "event", problem: "HASH_MISMATCH" });
  });

  it("detects a deleted event: a gap in the middle, a stale head at the end", async () => {
    const inMiddle = await middle("EntryEvent");
    await tamper(deleteRow("EntryEvent", inMiddle.id));
    await expectOnly({ householdId: inMiddle.householdId, chainSeq: inMiddle.chainSeq + 1, problem: "SEQUENCE_GAP" });
    await undo.pop()!();
    const last = await eventOf(`r."chainSeq" = h."chainLength" AND h.id <> $1::uuid`, s.householdId);
    await tamper(deleteRow("EntryEvent", last.id));
    await expectOnly({ householdId: last.householdId, chainSeq: last.chainSeq - 1, problem: "HEAD_MISMATCH" });
  });
});

describe("a household changed in the database", () => {
  it.each([
    ["chainHead", "HEAD_MISMATCH", async () => "f".repeat(64)],
    ["chainLength", "HEAD_MISMATCH", async (id: string) => String(Number(await one(`SELECT "chainLength"::text AS v FROM "Household" WHERE id = $1::uuid`, id)) + 1)],
    ["villageId", "VILLAGE_MISMATCH", () => one(`SELECT id::text AS v FROM "Village" WHERE code = 'YP'`)],
  ] as const)("names the household whose %s was changed", async (column, problem, value) => {
    await tamper(setColumn("Household", s.householdId, column, await value(s.householdId)));
    await expectOnly({ householdId: s.householdId, archiveNo: s.archiveNo, problem });
  });
});

describe("an appeal changed in the database", () => {
  const lodgedOf = (id: string): Promise<Target> => eventOf(`r."appealId" = $1::uuid AND r.type = 'APPEAL_LODGED'`, id);
  const decidedOf = (id: string): Promise<Target> => eventOf(`r."appealId" = $1::uuid AND r.type <> 'APPEAL_LODGED'`, id);
  const changes: [string, "lodged" | "decided", () => Promise<string | null>][] = [
    ["reason", "lodged", async () => "改过的申诉理由"],
    ["lodgedById", "lodged", () => one(`SELECT id::text AS v FROM "Account" WHERE username = 'clerk-xinhua'`)],
    ["createdAt", "lodged", () => shifted("Appeal", s.dismissed, "createdAt", "-3 days")],
    ["villageId", "lodged", () => one(`SELECT id::text AS v FROM "Village" WHERE code = 'YP'`)],
    ["entryId", "lodged", () => Promise.resolve(s.photoEntry)],
    ["status", "decided", async () => "UPHELD"],
    ["resolution", "decided", async () => "改过的处理意见"],
    ["resolvedById", "decided", () => one(`SELECT id::text AS v FROM "Account" WHERE username = 'clerk-xinhua-2'`)],
    ["resolvedAt", "decided", () => shifted("Appeal", s.dismissed, "resolvedAt", "1 day")],
  ];
  it.each(changes)("names the dismissed appeal whose %s was changed", async (column, step, value) => {
    const event = step === "lodged" ? await lodgedOf(s.dismissed) : await decidedOf(s.dismissed);
    await tamper(setColumn("Appeal", s.dismissed, column, await value()));
    await expectOnly({ ...at(event), recordId: s.dismissed, kind: "appeal", problem: "FILING_MISMATCH", column });
  });

  it("names an open appeal marked resolved, and an upheld one marked dismissed", async () => {
    await tamper(setColumn("Appeal", s.open, "status", "DISMISSED"));
    await expectOnly({ recordId: s.open, kind: "appeal", problem: "FILING_MISMATCH", column: "status" });
    await undo.pop()!();
    await tamper(setColumn("Appeal", s.upheld, "status", "DISMISSED"));
    await expectOnly({ recordId: s.upheld, kind: "appeal", problem: "FILING_MISMATCH", column: "status" });
  });

  it("names the lodging whose access-code mark was changed (it is hashed with the lodging)", async () => {
    const lodged = await lodgedOf(s.open);
    await tamper(setColumn("Appeal", s.open, "filedViaAccessCode", "true"));
    await expectOnly({ ...at(lodged), kind: "event", problem: "HASH_MISMATCH" });
  });

  it("names an appeal deleted, or moved to another household", async () => {
    // Deleted, the lodging event no longer hashes as it did (it covers the appeal's access-code mark).
    const lodged = await lodgedOf(s.dismissed);
    await tamper(deleteRow("Appeal", s.dismissed));
    await expectOnly({ ...at(lodged), kind: "event", problem: "HASH_MISMATCH" });
    await undo.pop()!();
    const other = await one(`SELECT id::text AS v FROM "Household" WHERE "archiveNo" = 'JS-XH-00002'`);
    await tamper(setColumn("Appeal", s.dismissed, "householdId", other));
    const { broken } = await verifyAll();
    expect(broken).toEqual(expect.arrayContaining([
      expect.objectContaining({ householdId: s.householdId, recordId: s.dismissed, problem: "FILING_MISMATCH" }),
      expect.objectContaining({ householdId: other, recordId: s.dismissed, problem: "FILING_MISMATCH" }),
    ]));
  });
});

describe("a rectification request changed in the database", () => {
  const requestedOf = (id: string): Promise<Target> => eventOf(`r."rectificationId" = $1::uuid AND r.type = 'RECTIFICATION_REQUESTED'`, id);
  const decidedOf = (id: string): Promise<Target> => eventOf(`r."rectificationId" = $1::uuid AND r.type <> 'RECTIFICATION_REQUESTED'`, id);
  const changes: [string, "requested" | "decided", () => Promise<string | null>][] = [
    ["note", "requested", async () => "改过的整改说明"],
    ["requestedById", "requested", () => one(`SELECT id::text AS v FROM "Account" WHERE username = 'clerk-xinhua'`)],
    ["createdAt", "requested", () => shifted("Rectification", s.declined, "createdAt", "-1 day")],
    ["entryId", "requested", () => Promise.resolve(s.photoEntry)],
    ["status", "decided", async () => "APPROVED"],
    ["decisionReason", "decided", async () => null],
    ["decidedById", "decided", () => one(`SELECT id::text AS v FROM "Account" WHERE username = 'clerk-xinhua-2'`)],
    ["decidedAt", "decided", () => shifted("Rectification", s.declined, "decidedAt", "1 hour")],
  ];
  it.each(changes)("names the declined request whose %s was changed", async (column, step, value) => {
    const event = step === "requested" ? await requestedOf(s.declined) : await decidedOf(s.declined);
    await tamper(setColumn("Rectification", s.declined, column, await value()));
    await expectOnly({ ...at(event), recordId: s.declined, kind: "rectification", problem: "FILING_MISMATCH", column });
  });

  it("names an approved request marked declined, and the request whose access-code mark was changed", async () => {
    await tamper(setColumn("Rectification", s.approved, "status", "DECLINED"));
    await expectOnly({ recordId: s.approved, kind: "rectification", problem: "FILING_MISMATCH", column: "status" });
    await undo.pop()!();
    const requested = await requestedOf(s.approved);
    await tamper(setColumn("Rectification", s.approved, "filedViaAccessCode", "true"));
    await expectOnly({ ...at(requested), kind: "event", problem: "HASH_MISMATCH" });
  });
});

describe("evidence changed in the database or in storage", () => {
  const fileOf = async (photoId: string): Promise<string> => path.join(uploadDir, ...(await one(`SELECT "storageKey" AS v FROM "EvidencePhoto" WHERE id = $1::uuid`, photoId)).split("/"));
  const entryOf = async (id: string): Promise<Target> => (await q<Target>(
    `SELECT e.id::text, e."householdId"::text, h."archiveNo", e."chainSeq" FROM "Entry" e JOIN "Household" h ON h.id = e."householdId" WHERE e.id = $1::uuid`, id))[0]!;
  const entryTarget = async () => at(await entryOf(s.photoEntry));

  it("names the entry whose photo's recorded hash was changed, or whose photo was taken away", async () => {
    await tamper(setColumn("EvidencePhoto", s.entryPhoto, "sha256", "0".repeat(64)));
    await expectOnly({ ...(await entryTarget()), kind: "entry", problem: "HASH_MISMATCH" });
    await undo.pop()!();
    await tamper(setColumn("EvidencePhoto", s.entryPhoto, "entryId", null));
    await expectOnly({ ...(await entryTarget()), kind: "entry", problem: "HASH_MISMATCH" });
  });

  it("names the request whose photo's recorded hash was changed, or whose photo was taken away", async () => {
    const requested = await eventOf(`r."rectificationId" = $1::uuid AND r.type = 'RECTIFICATION_REQUESTED'`, s.declined);
    await tamper(setColumn("EvidencePhoto", s.rectificationPhoto, "sha256", "0".repeat(64)));
    await expectOnly({ ...at(requested), kind: "event", problem: "HASH_MISMATCH" });
    await undo.pop()!();
    await tamper(setColumn("EvidencePhoto", s.rectificationPhoto, "rectificationId", null));
    await expectOnly({ ...at(requested), kind: "event", problem: "HASH_MISMATCH" });
  });

  it("detects a photo slipped under an entry after it was recorded", async () => {
    const target = await middle("Entry");
    const admin = await db.account.findUniqueOrThrow({ where: { username: "admin" }, select: { id: true } });
    const photo = await db.evidencePhoto.create({
      data: { storageKey: `tamper/${target.id}.jpg`, mimeType: "image/jpeg", width: 1, height: 1, bytes: 1, sha256: "0".repeat(64), uploadedById: admin.id },
      select: { id: true },
    });
    await tamper(setColumn("EvidencePhoto", photo.id, "entryId", target.id));
    await expectOnly({ ...at(target), kind: "entry", problem: "HASH_MISMATCH" });
  });

  it("re-hashes the files: names a photo replaced or deleted on disk, or whose storage key was changed", async () => {
    for (const [photoId, record] of [
      [s.entryPhoto, await entryTarget()],
      [s.rectificationPhoto, at(await eventOf(`r."rectificationId" = $1::uuid AND r.type = 'RECTIFICATION_REQUESTED'`, s.declined))],
    ] as const) {
      const file = await fileOf(photoId);
      const original = await readFile(file);
      const expected = { householdId: record.householdId, chainSeq: record.chainSeq, recordId: photoId, kind: "evidence" as const };
      try {
        await writeFile(file, Buffer.concat([original, Buffer.from([0])]));
        await expectOnly({ ...expected, problem: "EVIDENCE_MISMATCH" });
        await rm(file);
        await expectOnly({ ...expected, problem: "EVIDENCE_MISSING" });
      } finally {
        await writeFile(file, original);
      }
      await tamper(setColumn("EvidencePhoto", photoId, "storageKey", `evidence/${randomUUID()}.jpg`));
      await expectOnly({ ...expected, problem: "EVIDENCE_MISSING" });
      await undo.pop()!();
    }
    expect((await verifyAll()).brokenTotal).toBe(0);
  });
});

describe("filings made by a session that began with an access code", () => {
  it("record it on the appeal and the request, and chain it", async () => {
    const cookie = (await sessionCookieFor(household.username)).split("=")[1];
    const actor = { ...(await resolveActor(null, cookie))!, viaAccessCode: true };
    const appeal = await lodgeAppeal(actor, await recordEntry(s.householdId, "YELLOW"), { reason: "不是我家" }, context);
    const request = await requestRectification(actor, await recordEntry(s.householdId, "YELLOW"), { note: "已整改", evidenceIds: [] }, context);
    expect(await db.appeal.findUniqueOrThrow({ where: { id: appeal.id }, select: { filedViaAccessCode: true } })).toEqual({ filedViaAccessCode: true });
    expect(await db.rectification.findUniqueOrThrow({ where: { id: request.id }, select: { filedViaAccessCode: true } })).toEqual({ filedViaAccessCode: true });
    expect((await verifyAll()).brokenTotal).toBe(0);
    const lodged = await eventOf(`r."appealId" = $1::uuid`, appeal.id);
    await tamper(setColumn("Appeal", appeal.id, "filedViaAccessCode", "false"));
    await expectOnly({ ...at(lodged), kind: "event", problem: "HASH_MISMATCH" });
  });
});

describe("who may verify", () => {
  let other: { townshipId: string; householdId: string; officialUsername: string };

  beforeAll(async () => {
    // A second township with a real record, so that "only its own township" has something to leave out.
    const created = await createOtherTownship("OT");
    other = created;
    const ruleSet = await db.ruleSet.create({
      data: { villageId: created.villageId, version: 1, title: "白云村细则", status: "ADOPTED", effectiveFrom: new Date("2018-01-01"), rules: { create: { code: "R1", category: "RED", title: "好人好事", description: "帮助邻里" } } },
      select: { rules: { select: { id: true } } },
    });
    const { passwordHash } = await db.account.findUniqueOrThrow({ where: { username: "official" }, select: { passwordHash: true } });
    await db.account.create({ data: { username: "clerk-ot", displayName: "白云村理事", role: "CLERK", townshipId: created.townshipId, villageId: created.villageId, passwordHash } });
    const res = await callApi("POST", "/api/v1/entries", {
      as: { username: "clerk-ot" },
      body: { idempotencyKey: randomUUID(), householdId: created.householdId, ruleId: ruleSet.rules[0]!.id, occurredOn: "2026-11-02", description: "帮邻居收稻谷" },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });

  it("lets an official verify the households of its own township only, with their records", async () => {
    const jiashan = await middle("Entry");
    await tamper(setColumn("Entry", jiashan.id, "marks", "7"));
    const otherEntry = await one(`SELECT id::text AS v FROM "Entry" WHERE "householdId" = $1::uuid`, other.householdId);
    await tamper(setColumn("Entry", otherEntry, "description", "改过"));

    const own = await verifyAs({ username: "official" });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ households: 240, brokenTotal: 1, broken: [{ recordId: jiashan.id, problem: "HASH_MISMATCH" }] });
    const theirs = await verifyAs({ username: other.officialUsername });
    expect(theirs.status).toBe(200);
    expect(theirs.body).toMatchObject({ households: 1, records: 1, brokenTotal: 1, broken: [{ householdId: other.householdId, recordId: otherEntry }] });
    expect((await verifyAs({ username: "admin" })).body).toMatchObject({ households: 241, brokenTotal: 2 });
  });

  it("refuses everyone else", async () => {
    expect((await verifyAs(null)).status).toBe(401);
    for (const username of ["clerk-xinhua", "rep-xinhua-1", "JS-XH-00001"]) {
      const res = await verifyAs({ username });
      expect(res.status, username).toBe(403);
      expect(res.body.error.code).toBe("FORBIDDEN");
    }
  });
});
