import "../helpers/app-database";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { dayToDate } from "@/lib/domain/entry-date";
import { entryWhere } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { filtersWhere } from "@/lib/server/entries/list-village-entries";
import { api, callApi } from "../helpers/api-client";
import { expectChainIntact, today } from "../helpers/archive-fixtures";
import { fields, messages } from "../helpers/error-details";

const clerk = { username: "clerk-xinhua" };
const otherClerk = { username: "clerk-yangping" };
const household = { username: "JS-XH-00001" };
const rep = { username: "rep-xinhua-1" };
const official = { username: "official" };

type Ref = { id: string };
let xinhua: Ref;
let home: Ref & { registeredOn: Date };
let red: Ref & { category: string; marks: number };
let black: Ref;
let yangpingRule: Ref;
let outsider: Ref; // a member of another household

const addDays = (day: string, n: number) => new Date(dayToDate(day).getTime() + n * 86_400_000).toISOString().slice(0, 10);
const body = (over: Record<string, unknown> = {}) => ({
  idempotencyKey: randomUUID(), householdId: home.id, ruleId: red.id, occurredOn: "2026-11-01",
  description: "帮邻居抢收稻谷", ...over,
});

const snapshot = async () => ({
  entries: await db.entry.count(), events: await db.entryEvent.count(), audit: await db.auditLog.count(),
  photos: await db.evidencePhoto.count(),
  chain: await db.household.findUniqueOrThrow({ where: { id: home.id }, select: { chainLength: true, chainHead: true } }),
});

/** Runs a refused request and checks that nothing at all was written. */
async function refused(request: () => Promise<{ status: number; body: any }>, status: number) {
  const before = await snapshot();
  const res = await request();
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(await snapshot()).toEqual(before);
  return res.body;
}

const record = (over: Record<string, unknown> = {}, as: { username: string } = clerk) =>
  callApi("POST", "/api/v1/entries", { as, body: body(over) });

beforeAll(async () => {
  xinhua = await db.village.findFirstOrThrow({ where: { code: "XH" }, select: { id: true } });
  home = await db.household.findUniqueOrThrow({ where: { archiveNo: "JS-XH-00001" }, select: { id: true, registeredOn: true } });
  const rules = await db.rule.findMany({ where: { ruleSet: { villageId: xinhua.id, version: 1 } }, select: { id: true, category: true, marks: true } });
  red = rules.find((r) => r.category === "RED")!;
  black = rules.find((r) => r.category === "BLACK")!;
  yangpingRule = await db.rule.findFirstOrThrow({ where: { ruleSet: { village: { code: "YP" } }, category: "RED" }, select: { id: true } });
  outsider = await db.member.findFirstOrThrow({ where: { household: { archiveNo: "JS-XH-00002" } }, select: { id: true } });
});

describe("POST /api/v1/entries", () => {
  it("records a PENDING entry in the quarter of its date, copying category and marks from the rule", async () => {
    const before = await snapshot();
    const res = await record({ occurredOn: "2026-09-30" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      household: { id: home.id }, rule: { id: red.id }, category: "RED", marks: red.marks,
      occurredOn: "2026-09-30", year: 2026, quarter: 3, status: "PENDING", events: [], evidence: [],
    });
    const after = await snapshot();
    expect(after).toMatchObject({ entries: before.entries + 1, audit: before.audit + 1, events: before.events });
    expect(after.chain.chainLength).toBe(before.chain.chainLength + 1);
    const stored = await db.entry.findUniqueOrThrow({ where: { id: res.body.id }, select: { chainSeq: true, prevHash: true, hash: true } });
    expect(stored).toMatchObject({ chainSeq: after.chain.chainLength, prevHash: before.chain.chainHead, hash: after.chain.chainHead });
    const audit = await db.auditLog.findMany({ where: { targetId: res.body.id }, select: { action: true, villageId: true } });
    expect(audit).toEqual([{ action: "entry.record", villageId: xinhua.id }]);
    await expectChainIntact(home.id);
  });

  it("answers a retry with the same idempotency key with the same entry: one row, one audit record", async () => {
    const input = body({ memberId: null });
    const first = await api(clerk).POST("/api/v1/entries", { body: input });
    expect(first.response.status).toBe(201);
    expect(first.response.headers.get("Idempotency-Replayed")).toBeNull();
    const before = await snapshot();
    // The page's retry after a lost answer: the same entry, marked as a replay so the clerk is told.
    const again = await api(clerk).POST("/api/v1/entries", { body: input });
    expect(again.response.status).toBe(201);
    expect(again.response.headers.get("Idempotency-Replayed")).toBe("true");
    expect(again.data).toEqual(first.data);
    expect(await snapshot()).toEqual(before);
    expect(await db.entry.count({ where: { idempotencyKey: input.idempotencyKey } })).toBe(1);
    expect(await db.auditLog.count({ where: { targetId: first.data!.id } })).toBe(1);

    const body409 = await refused(() => callApi("POST", "/api/v1/entries", { as: clerk, body: { ...input, description: "另一件事" } }), 409);
    expect(body409.error.code).toBe("CONFLICT");
  });

  it("records exactly one entry when the same submission arrives twice at once", async () => {
    const input = body();
    const before = await snapshot();
    const [a, b] = await Promise.all([0, 1].map(() => callApi("POST", "/api/v1/entries", { as: clerk, body: input })));
    expect([a!.status, b!.status]).toEqual([201, 201]);
    expect(a!.body.id).toBe(b!.body.id);
    expect((await snapshot()).entries).toBe(before.entries + 1);
    await expectChainIntact(home.id);
  });

  it("refuses, changing nothing, a household outside the clerk's village (404) and roles that do not record (403)", async () => {
    expect((await refused(() => record({}, otherClerk), 404)).error.code).toBe("NOT_FOUND");
    for (const as of [household, rep, official]) await refused(() => record({}, as), 403);
    await refused(() => callApi("POST", "/api/v1/entries", { body: body() }), 401);
  });

  it("refuses a black entry without the legal decision it rests on, naming both fields", async () => {
    const res = await refused(() => record({ ruleId: black.id }), 422);
    expect(fields(res.error.details)).toEqual(["legalAuthority", "legalDocumentNo"]);
    await refused(() => record({ ruleId: black.id, legalAuthority: "石门县公安局" }), 422);

    const ok = await record({ ruleId: black.id, legalAuthority: "石门县公安局", legalDocumentNo: "石公（交）行罚决字〔2026〕88号" });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ category: "BLACK", legalAuthority: "石门县公安局", legalDocumentNo: "石公（交）行罚决字〔2026〕88号" });
  });

  it("refuses a date in the future and a date before the household was registered", async () => {
    const future = await refused(() => record({ occurredOn: addDays(today(), 1) }), 422);
    expect(messages(future.error.details)).toHaveProperty("occurredOn");
    const registered = home.registeredOn.toISOString().slice(0, 10);
    const early = await refused(() => record({ occurredOn: addDays(registered, -1) }), 422);
    expect(messages(early.error.details)).toHaveProperty("occurredOn");
    expect((await record({ occurredOn: today() })).status).toBe(201);
  });

  it("refuses a rule of another village, and a member of another household", async () => {
    const rule = await refused(() => record({ ruleId: yangpingRule.id }), 422);
    expect(messages(rule.error.details)).toHaveProperty("ruleId");
    const member = await refused(() => record({ memberId: outsider.id }), 422);
    expect(messages(member.error.details)).toHaveProperty("memberId");
  });

  it("refuses invalid input with 400 and the failing fields", async () => {
    const res = await refused(() => record({ description: "  ", occurredOn: "2026-13-01", idempotencyKey: "x" }), 400);
    expect(fields(res.error.details)).toEqual(expect.arrayContaining(["description", "occurredOn", "idempotencyKey"]));
  });
});

describe("voiding", () => {
  it("appends a VOIDED event with the reason; a second void is a 409 that changes nothing", async () => {
    const { body: entry } = await record();
    expect(messages((await refused(() => callApi("POST", `/api/v1/entries/${entry.id}/void`, { as: clerk, body: { reason: " " } }), 400)).error.details))
      .toHaveProperty("reason");
    await refused(() => callApi("POST", `/api/v1/entries/${entry.id}/void`, { as: otherClerk, body: { reason: "错了" } }), 404);
    await refused(() => callApi("POST", `/api/v1/entries/${entry.id}/void`, { as: household, body: { reason: "错了" } }), 403);
    await refused(() => callApi("POST", `/api/v1/entries/${entry.id}/void`, { as: rep, body: { reason: "错了" } }), 403);

    const before = await snapshot();
    const res = await callApi("POST", `/api/v1/entries/${entry.id}/void`, { as: clerk, body: { reason: "记错了户" } });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("VOIDED");
    expect(res.body.events).toEqual([expect.objectContaining({ type: "VOIDED", fromStatus: "PENDING", toStatus: "VOIDED", reason: "记错了户" })]);
    expect(await snapshot()).toMatchObject({ entries: before.entries, events: before.events + 1, audit: before.audit + 1 });
    await expectChainIntact(home.id);

    expect((await refused(() => callApi("POST", `/api/v1/entries/${entry.id}/void`, { as: clerk, body: { reason: "再撤一次" } }), 409)).error.code)
      .toBe("CONFLICT");
    const shown = await callApi("GET", `/api/v1/entries/${entry.id}`, { as: household });
    expect(shown.body.events.map((e: { type: string }) => e.type)).toEqual(["VOIDED"]);
  });

  it("refuses to void an entry the quarterly review rejected: it never counted", async () => {
    const rejected = await db.entry.findFirstOrThrow({
      where: { status: "REJECTED", village: { code: "XH" }, household: { residents: { none: {} } } }, select: { id: true },
    });
    const error = (await refused(() => callApi("POST", `/api/v1/entries/${rejected.id}/void`, { as: clerk, body: { reason: "撤销" } }), 422)).error;
    expect(error.message).toContain("否决");
  });
});

describe("GET /api/v1/entries/{id}", () => {
  it("shows an entry to staff in scope and to the household itself, and to nobody else", async () => {
    const { body: entry } = await record();
    for (const as of [clerk, household, rep, official, { username: "admin" }]) {
      expect((await callApi("GET", `/api/v1/entries/${entry.id}`, { as })).status).toBe(200);
    }
    const yangpingHome = await db.account.findFirstOrThrow({ where: { role: "HOUSEHOLD", village: { code: "YP" } }, select: { username: true } });
    for (const as of [otherClerk, yangpingHome]) expect((await callApi("GET", `/api/v1/entries/${entry.id}`, { as })).status).toBe(404);
    expect((await callApi("GET", `/api/v1/entries/${randomUUID()}`, { as: clerk })).status).toBe(404);
  });

  it("shows representatives only entries still under review", async () => {
    const { body: entry } = await record();
    await callApi("POST", `/api/v1/entries/${entry.id}/void`, { as: clerk, body: { reason: "重复记录" } });
    expect((await callApi("GET", `/api/v1/entries/${entry.id}`, { as: rep })).status).toBe(404);
  });
});

describe("GET /api/v1/villages/{id}/entries", () => {
  const list = (query: string, as: { username: string } = clerk) => callApi("GET", `/api/v1/villages/${xinhua.id}/entries?${query}`, { as });

  it("filters by quarter, status, category, rule and household, newest first, a page at a time", async () => {
    const res = await list(`quarter=2026Q4&status=PENDING&category=RED&ruleId=${red.id}&householdId=${home.id}&pageSize=100`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBeGreaterThan(0);
    for (const item of res.body.items) {
      expect(item).toMatchObject({ year: 2026, quarter: 4, status: "PENDING", category: "RED", rule: { id: red.id }, household: { id: home.id } });
    }
    const times = res.body.items.map((i: { recordedAt: string }) => i.recordedAt);
    expect(times).toEqual([...times].sort().reverse());

    const byArchiveNo = await list("archiveNo=js-xh-00001&pageSize=1&page=2");
    expect(byArchiveNo.body).toMatchObject({ page: 2, pageSize: 1 });
    expect(byArchiveNo.body.items).toHaveLength(1);
    expect(byArchiveNo.body.items[0].household.archiveNo).toBe("JS-XH-00001");
    expect((await list("quarter=2026-4")).status).toBe(400);
  });

  it("gives representatives the entries under review only, and refuses households and other villages", async () => {
    const res = await list("pageSize=100", rep);
    expect(res.status).toBe(200);
    expect(new Set(res.body.items.map((i: { status: string }) => i.status))).toEqual(new Set(["PENDING"]));
    expect((await list("", household)).status).toBe(403);
    expect((await list("", otherClerk)).status).toBe(404);
    expect((await list("", official)).status).toBe(200);
  });

  // The list is one hand-written statement; the export and the scope rule are Prisma conditions
  // (entryWhere, filtersWhere): both forms must select the same entries in the same order.
  it("lists exactly what the Prisma scope and filters select, in the same order, with the same total", async () => {
    const queries: Record<string, string>[] = [{}, { quarter: "2026Q4" }, { quarter: "2026Q3", status: "CONFIRMED" }, { category: "YELLOW" },
      { archiveNo: "js-xh-00001" }, { householdId: home.id, ruleId: red.id }, { quarter: "2019Q1" }];
    for (const username of [clerk.username, rep.username, official.username, "admin"]) {
      const account = await db.account.findUniqueOrThrow({ where: { username } });
      const actor = { ...account, viaAccessCode: false };
      for (const query of queries) {
        const where = { AND: [{ villageId: xinhua.id }, entryWhere(actor), filtersWhere(query as Parameters<typeof filtersWhere>[0])] };
        const expected = await db.entry.findMany({ where, orderBy: [{ recordedAt: "desc" }, { id: "desc" }], skip: 5, take: 10, select: { id: true } });
        const qs = new URLSearchParams({ ...query, page: "2", pageSize: "5" });
        const res = await list(qs.toString(), { username });
        expect(res.status).toBe(200);
        expect(res.body.total, `${username} ${qs}`).toBe(await db.entry.count({ where }));
        expect(res.body.items.map((i: Ref) => i.id), `${username} ${qs}`).toEqual(expected.slice(0, 5).map((e) => e.id));
      }
    }
  });
});

describe("rules in force", () => {
  it("lists the village's rules in force on a day, for staff of the village", async () => {
    const res = await callApi("GET", `/api/v1/villages/${xinhua.id}/rules?date=2026-11-01`, { as: clerk });
    expect(res.status).toBe(200);
    expect(res.body.ruleSet.version).toBe(1);
    expect(res.body.items.map((r: { id: string }) => r.id)).toContain(red.id);
    expect((await callApi("GET", `/api/v1/villages/${xinhua.id}/rules`, { as: household })).status).toBe(403);
    expect((await callApi("GET", `/api/v1/villages/${xinhua.id}/rules`, { as: otherClerk })).status).toBe(404);
  });

  it("takes the rule in force on the day it happened when a new version of the rules took over", async () => {
    await db.ruleSet.updateMany({ where: { villageId: xinhua.id, version: 1 }, data: { status: "SUPERSEDED", effectiveTo: dayToDate("2026-10-01") } });
    const v2 = await db.ruleSet.create({
      data: {
        villageId: xinhua.id, version: 2, title: "新花村家庭文明档案评议细则（第2版）", status: "ADOPTED", effectiveFrom: dayToDate("2026-10-01"),
        rules: { create: [{ code: "R01", category: "RED", title: "义务清扫公共区域一天", description: "参加村里组织的清扫", marks: 2 }] },
      },
      select: { rules: { select: { id: true } } },
    });
    const newRule = v2.rules[0]!.id;
    await refused(() => record({ ruleId: red.id, occurredOn: "2026-11-01" }), 422);
    await refused(() => record({ ruleId: newRule, occurredOn: "2026-09-15" }), 422);
    expect((await record({ ruleId: red.id, occurredOn: "2026-09-15" })).status).toBe(201);
    const recorded = await record({ ruleId: newRule, occurredOn: "2026-11-01" });
    expect(recorded.body).toMatchObject({ status: "PENDING", marks: 2, year: 2026, quarter: 4 });

    const before = await callApi("GET", `/api/v1/villages/${xinhua.id}/rules?date=2026-09-30`, { as: clerk });
    const after = await callApi("GET", `/api/v1/villages/${xinhua.id}/rules?date=2026-10-01`, { as: clerk });
    expect([before.body.ruleSet.version, after.body.ruleSet.version]).toEqual([1, 2]);
    await expectChainIntact(home.id);
  });
});
