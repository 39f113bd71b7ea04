import "../helpers/app-database";
import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { chinaToday, dayAfter } from "@/lib/domain/entry-date";
import { hashApiToken } from "@/lib/server/auth/resolve-actor";
import { policy, type Permission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import type { Role } from "@/lib/generated/prisma/client";
import { callApi } from "../helpers/api-client";
import { createOtherTownship, type OtherTownship } from "../helpers/other-township";
import { createReviewVillage, recordVillageEntry } from "../helpers/review-village";

// Every /api/v1 operation × every kind of caller → the expected status, on real targets inside
// and outside each caller's scope. The operations come from the OpenAPI document, so a new
// endpoint without a row here fails this test. Every answer is also checked for what it must not
// contain: archive numbers and townships outside the caller's scope.

const uploadDir = vi.hoisted(() => {
  const dir = `.data/test-uploads/authz-${process.pid}-${Date.now()}`;
  process.env.UPLOAD_DIR = dir;
  return dir;
});
afterAll(() => rm(uploadDir, { recursive: true, force: true }));

const WHO = ["anonymous", "admin", "official", "officialOther", "clerk", "clerkOther", "representative", "household", "householdOther"] as const;
type Who = (typeof WHO)[number];

const usernames: Record<Exclude<Who, "anonymous" | "officialOther">, string> = {
  admin: "admin", official: "official", clerk: "clerk-xinhua", clerkOther: "clerk-yangping",
  representative: "rep-xinhua-1", household: "JS-XH-00001", householdOther: "JS-YP-00001",
};

type Fixtures = {
  other: OtherTownship;
  townshipId: string; // 夹山镇
  xinhuaId: string;
  xinhuaHouseholdId: string; // a 新花村 household that is not JS-XH-00001
  clerk2Id: string;
  photoId: string; // evidence of an entry of JS-XH-00001
};
// `as`: the username to call as instead of the role's usual account (a village of its own).
type Request = { method: string; path: string; body?: unknown; form?: FormData; as?: string };
type Check = (body: any, who: Who, fx: Fixtures) => Promise<void> | void;
// `publicAnswer`: what anyone may read (a posted notice) is not checked against the caller's scope.
type Row = { request: (fx: Fixtures, who: Who) => Promise<Request> | Request; expect: Record<Who, number>; check?: Check; publicAnswer?: true };

/** What an answer to each caller must never mention: archive numbers and townships outside its scope. */
const outsideScope: Record<Who, (fx: Fixtures) => string[]> = {
  anonymous: () => [],
  admin: () => [],
  official: (fx) => [fx.other.townshipId, "QT-A-"],
  officialOther: (fx) => [fx.townshipId, "JS-"],
  clerk: (fx) => [fx.other.townshipId, "QT-A-", "JS-YP-"],
  clerkOther: (fx) => [fx.other.townshipId, "QT-A-", "JS-XH-"],
  representative: (fx) => [fx.other.townshipId, "QT-A-", "JS-YP-"],
  household: (fx) => [fx.other.townshipId, "QT-A-", "JS-YP-", "JS-XH-00002"],
  householdOther: (fx) => [fx.other.townshipId, "QT-A-", "JS-XH-"],
};

const listed = (key = "items"): Check => (body) => expect(body[key].length, `${key} of the answer`).toBeGreaterThan(0);
const aFile = (type: string): Check => (body) => {
  expect(body.contentType).toContain(type);
  expect(body.bytes).toBeGreaterThan(0);
};
const pngForm = async () => {
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 180, g: 40, b: 30 } } }).png().toBuffer();
  const form = new FormData();
  form.append("file", new File([new Uint8Array(png)], "photo.png", { type: "image/png" }));
  return form;
};

/** Statuses for all callers: signed-in callers get `base` unless named; anonymous gets 401. */
function statuses(base: number, overrides: Partial<Record<Who, number>> = {}): Record<Who, number> {
  return Object.fromEntries(WHO.map((w) => [w, overrides[w] ?? (w === "anonymous" ? 401 : base)])) as Record<Who, number>;
}
const townshipStaffOnly = (ok: number, outOfScope = 404) =>
  statuses(403, { admin: ok, official: ok, officialOther: outOfScope });

const uniq = () => randomUUID().slice(0, 8);

async function newRepresentative(fx: Fixtures): Promise<string> {
  const account = await db.account.create({
    data: { username: `rep-t-${uniq()}`, displayName: "测试代表", role: "REPRESENTATIVE", townshipId: (await township()).id, villageId: fx.xinhuaId },
    select: { id: true },
  });
  return account.id;
}
const township = () => db.township.findUniqueOrThrow({ where: { code: "JS" }, select: { id: true } });

async function tokenOf(username: string): Promise<string> {
  const account = await db.account.findUniqueOrThrow({ where: { username }, select: { id: true } });
  const token = `fca_${randomUUID()}`;
  const row = await db.apiToken.create({
    data: { accountId: account.id, name: "t", prefix: token.slice(0, 12), tokenHash: hashApiToken(token) },
    select: { id: true },
  });
  return row.id;
}

// An entry just recorded by clerk-xinhua for a household of 新花村 (PENDING, so representatives see it).
async function recordedEntry(householdId: string): Promise<string> {
  const rule = await db.rule.findFirstOrThrow({ where: { ruleSet: { village: { code: "XH" }, status: "ADOPTED" }, category: "RED" }, select: { id: true } });
  const res = await callApi("POST", "/api/v1/entries", { as: { username: "clerk-xinhua" }, body: {
    idempotencyKey: randomUUID(), householdId, ruleId: rule.id, occurredOn: "2026-11-20", description: "帮五保户收割稻谷",
  } });
  if (res.status !== 201) throw new Error(`could not record an entry: ${JSON.stringify(res.body)}`);
  return res.body.id;
}
// Households: staff search and export; a household reads only itself; only the village's clerks write.
const householdStaff = (ok: number, outOfScope: number) =>
  statuses(ok, { representative: 403, household: 403, householdOther: 403, officialOther: outOfScope });
const householdReaders = statuses(200, { officialOther: 404, clerkOther: 404, representative: 403, household: 404, householdOther: 404 });
const householdClerk = (ok: number) => statuses(403, { clerk: ok, clerkOther: 404 });

// A new 新花村 household with a head and one more member, for rows that change them.
async function newXinhuaMember(): Promise<{ id: string; householdId: string }> {
  const village = await db.village.findFirstOrThrow({ where: { code: "XH" }, select: { id: true } });
  const household = await db.household.create({
    data: { villageId: village.id, archiveNo: `JS-XH-T${uniq()}`, headName: "测试户主", headInitials: "cshz", address: "测试地址", registeredOn: new Date("2026-01-01"),
      members: { create: [{ name: "测试户主", relation: "HEAD", birthYear: 1970 }, { name: "测试成员", relation: "SON", birthYear: 2000 }] } },
    select: { id: true, members: { where: { relation: "SON" }, select: { id: true } } },
  });
  return { id: household.members[0]!.id, householdId: household.id };
}
const villageReaders = (ok: number) =>
  statuses(ok, { household: 403, householdOther: 403, clerkOther: 404, officialOther: 404 });

// Extracts of JS-XH-00001 in the state a row needs, reached through the API: the household asks
// (or clerk-xinhua, for one awaiting its consent) and the official issues.
const demoHouseholdId = async () => (await db.household.findUniqueOrThrow({ where: { archiveNo: "JS-XH-00001" }, select: { id: true } })).id;
const extractReaders = statuses(200, { officialOther: 404, clerkOther: 404, representative: 403, householdOther: 404 });
async function demoExtract(state: "AWAITING_CONSENT" | "REQUESTED" | "ISSUED"): Promise<{ id: string; code: string }> {
  const by = state === "AWAITING_CONSENT" ? "clerk-xinhua" : "JS-XH-00001";
  const created = await callApi("POST", `/api/v1/households/${await demoHouseholdId()}/extracts`, { as: { username: by }, body: { purpose: "CIVIL_SERVICE" } });
  if (created.status !== 201) throw new Error(`could not request an extract: ${JSON.stringify(created.body)}`);
  if (state === "ISSUED") {
    const issued = await callApi("POST", `/api/v1/extracts/${created.body.id}/issue`, { as: { username: "official" } });
    if (issued.status !== 200) throw new Error(`could not issue an extract: ${JSON.stringify(issued.body)}`);
  }
  const { code } = await db.archiveExtract.findUniqueOrThrow({ where: { id: created.body.id }, select: { code: true } });
  return { id: created.body.id, code };
}

const table: Record<string, Row> = {
  getMe: { request: () => ({ method: "GET", path: "/api/v1/me" }), expect: statuses(200) },
  listMySignIns: { request: () => ({ method: "GET", path: "/api/v1/me/sign-ins" }), expect: statuses(200) },
  changeMyPassword: {
    request: () => ({ method: "POST", path: "/api/v1/me/password",
      body: { currentPassword: "demo1234", newPassword: "Changed-2026", confirmPassword: "Changed-2026" } }),
    expect: statuses(200),
  },
  listMyTokens: { request: () => ({ method: "GET", path: "/api/v1/tokens" }), expect: statuses(200, { household: 403, householdOther: 403 }) },
  createToken: { request: () => ({ method: "POST", path: "/api/v1/tokens", body: { name: `t-${uniq()}` } }), expect: statuses(201, { household: 403, householdOther: 403 }) },
  revokeToken: {
    // A token of clerk-xinhua: only its owner may revoke it; to everyone else it does not exist.
    request: async () => ({ method: "POST", path: `/api/v1/tokens/${await tokenOf("clerk-xinhua")}/revoke` }),
    expect: statuses(404, { clerk: 200, household: 403, householdOther: 403 }),
  },
  listAuditLog: { request: () => ({ method: "GET", path: "/api/v1/audit-log" }), expect: townshipStaffOnly(200, 200), check: listed() },
  listAccounts: { request: () => ({ method: "GET", path: "/api/v1/accounts" }), expect: townshipStaffOnly(200, 200), check: listed() },
  createAccount: {
    request: (fx) => ({ method: "POST", path: "/api/v1/accounts",
      body: { role: "REPRESENTATIVE", username: `rep-new-${uniq()}`, displayName: "新代表", password: "Start-2026x", villageId: fx.xinhuaId } }),
    expect: townshipStaffOnly(201),
  },
  getAccount: { request: (fx) => ({ method: "GET", path: `/api/v1/accounts/${fx.clerk2Id}` }), expect: townshipStaffOnly(200) },
  updateAccount: {
    request: async (fx) => ({ method: "PATCH", path: `/api/v1/accounts/${await newRepresentative(fx)}`, body: { displayName: "改名" } }),
    expect: townshipStaffOnly(200),
  },
  deactivateAccount: {
    request: async (fx) => ({ method: "POST", path: `/api/v1/accounts/${await newRepresentative(fx)}/deactivate` }),
    expect: townshipStaffOnly(200),
  },
  reactivateAccount: {
    request: async (fx) => {
      const id = await newRepresentative(fx);
      await db.account.update({ where: { id }, data: { active: false } });
      return { method: "POST", path: `/api/v1/accounts/${id}/reactivate` };
    },
    expect: townshipStaffOnly(200),
  },
  resetAccountPassword: {
    request: async (fx) => ({ method: "POST", path: `/api/v1/accounts/${await newRepresentative(fx)}/reset-password` }),
    expect: townshipStaffOnly(200),
  },
  issueAccessCode: {
    request: (fx) => ({ method: "POST", path: `/api/v1/households/${fx.xinhuaHouseholdId}/access-code` }),
    expect: statuses(403, { admin: 200, official: 200, officialOther: 404, clerk: 200, clerkOther: 404 }),
  },
  listVillages: {
    request: () => ({ method: "GET", path: "/api/v1/villages" }), expect: statuses(200, { household: 403, householdOther: 403 }),
    check: (body, who, fx) => {
      const townships = new Set(body.items.map((v: { township: { id: string } }) => v.township.id));
      expect([...townships]).toEqual(who === "admin" ? expect.arrayContaining([fx.townshipId, fx.other.townshipId]) : [who === "officialOther" ? fx.other.townshipId : fx.townshipId]);
      if (who === "clerk" || who === "representative") expect(body.items.map((v: { id: string }) => v.id)).toEqual([fx.xinhuaId]);
    },
  },
  createVillage: {
    request: (fx, who) => ({ method: "POST", path: "/api/v1/villages",
      body: { code: `T${uniq().slice(0, 5).toUpperCase()}`, name: `测试村${uniq()}`, kind: "VILLAGE",
        ...(who === "admin" ? { townshipId: fx.other.townshipId } : {}) } }),
    expect: statuses(403, { admin: 201, official: 201, officialOther: 201 }),
  },
  updateVillage: {
    request: (fx) => ({ method: "PATCH", path: `/api/v1/villages/${fx.xinhuaId}`, body: { kind: "VILLAGE" } }),
    expect: townshipStaffOnly(200),
  },
  verifyChains: {
    // Reads only; each official verifies exactly the households of its own township.
    request: () => ({ method: "POST", path: "/api/v1/chains/verify" }),
    expect: townshipStaffOnly(200, 200),
    check: async (body, who, fx) => {
      const inScope = who === "admin" ? {} : { village: { townshipId: who === "officialOther" ? fx.other.townshipId : fx.townshipId } };
      expect(body.households).toBe(await db.household.count({ where: inScope }));
      if (who !== "officialOther") expect(body.records).toBeGreaterThan(100);
      expect(body.brokenTotal).toBe(0);
    },
  },
  recordEntry: {
    request: async (fx) => {
      const rule = await db.rule.findFirstOrThrow({ where: { ruleSet: { village: { code: "XH" }, status: "ADOPTED" }, category: "RED" }, select: { id: true } });
      return { method: "POST", path: "/api/v1/entries", body: {
        idempotencyKey: randomUUID(), householdId: fx.xinhuaHouseholdId, ruleId: rule.id, occurredOn: "2026-11-20", description: "拾金不昧",
      } };
    },
    expect: statuses(403, { clerk: 201, clerkOther: 404 }),
  },
  voidEntry: {
    request: async (fx) => ({ method: "POST", path: `/api/v1/entries/${await recordedEntry(fx.xinhuaHouseholdId)}/void`, body: { reason: "记错了" } }),
    expect: statuses(403, { clerk: 200, clerkOther: 404 }),
  },
  getEntry: {
    request: async () => {
      const home = await db.household.findUniqueOrThrow({ where: { archiveNo: "JS-XH-00001" }, select: { id: true } });
      return { method: "GET", path: `/api/v1/entries/${await recordedEntry(home.id)}` };
    },
    expect: statuses(200, { clerkOther: 404, officialOther: 404, householdOther: 404 }),
  },
  listVillageEntries: {
    request: (fx) => ({ method: "GET", path: `/api/v1/villages/${fx.xinhuaId}/entries` }), expect: villageReaders(200),
    check: (body, who) => {
      expect(body.items.length).toBeGreaterThan(0);
      // Representatives read the entries under review only.
      if (who === "representative") expect(new Set(body.items.map((e: { status: string }) => e.status))).toEqual(new Set(["PENDING"]));
    },
  },
  listRulesInForce: { request: (fx) => ({ method: "GET", path: `/api/v1/villages/${fx.xinhuaId}/rules` }), expect: villageReaders(200), check: listed() },
  uploadEvidence: {
    // Uploads are not yet tied to a village: any clerk may upload; who may see a photo is the next row.
    request: async () => ({ method: "POST", path: "/api/v1/evidence", form: await pngForm() }),
    expect: statuses(403, { clerk: 201, clerkOther: 201 }),
    check: (body) => expect(body.mimeType).toMatch(/^image\//),
  },
  downloadEvidence: {
    // A photo of an entry of JS-XH-00001: whoever may read that entry, and nobody else.
    request: (fx) => ({ method: "GET", path: `/api/v1/evidence/${fx.photoId}` }),
    expect: statuses(200, { clerkOther: 404, officialOther: 404, householdOther: 404 }),
    check: aFile("image/"),
  },
  searchHouseholds: {
    request: () => ({ method: "GET", path: "/api/v1/households?q=JS" }), expect: householdStaff(200, 200),
    check: (body, who) => expect(body.items.length > 0).toBe(who !== "officialOther"),
  },
  getHousehold: { request: (fx) => ({ method: "GET", path: `/api/v1/households/${fx.xinhuaHouseholdId}` }), expect: householdReaders },
  householdHistory: { request: (fx) => ({ method: "GET", path: `/api/v1/households/${fx.xinhuaHouseholdId}/history` }), expect: householdReaders },
  createHousehold: {
    request: () => ({ method: "POST", path: "/api/v1/households",
      body: { headName: "测试户主", headBirthYear: 1970, address: `测试地址${uniq()}`, registeredOn: "2026-11-01" } }),
    expect: statuses(403, { clerk: 201, clerkOther: 201 }),
  },
  updateHousehold: {
    request: (fx) => ({ method: "PATCH", path: `/api/v1/households/${fx.xinhuaHouseholdId}`, body: { address: `测试地址${uniq()}`, reason: "测试修改" } }),
    expect: householdClerk(200),
  },
  setHouseholdStatus: {
    request: async () => ({ method: "POST", path: `/api/v1/households/${(await newXinhuaMember()).householdId}/status`, body: { status: "MOVED_OUT", reason: "测试迁出" } }),
    expect: householdClerk(200),
  },
  addMember: {
    request: (fx) => ({ method: "POST", path: `/api/v1/households/${fx.xinhuaHouseholdId}/members`, body: { name: "测试成员", relation: "OTHER", birthYear: 2000 } }),
    expect: householdClerk(201),
  },
  updateMember: {
    request: async () => ({ method: "PATCH", path: `/api/v1/members/${(await newXinhuaMember()).id}`, body: { birthYear: 2001, reason: "测试更正" } }),
    expect: householdClerk(200),
  },
  deactivateMember: {
    request: async () => ({ method: "POST", path: `/api/v1/members/${(await newXinhuaMember()).id}/deactivate`, body: { reason: "测试离开" } }),
    expect: householdClerk(200),
  },
  importHouseholds: {
    // An empty form: a clerk passes authorization and is then told the file is missing.
    // Imports themselves, and their scope, are tested in household-import.test.ts.
    request: (fx) => ({ method: "POST", path: `/api/v1/villages/${fx.xinhuaId}/households/import?dryRun=true`, form: new FormData() }),
    expect: statuses(403, { clerk: 400, clerkOther: 400 }),
  },
  exportHouseholds: {
    request: (fx) => ({ method: "GET", path: `/api/v1/villages/${fx.xinhuaId}/households/export` }),
    expect: statuses(200, { representative: 403, household: 403, householdOther: 403, clerkOther: 404, officialOther: 404 }),
    check: aFile("spreadsheet"),
  },
  householdImportTemplate: {
    request: (fx) => ({ method: "GET", path: `/api/v1/villages/${fx.xinhuaId}/households/template` }),
    expect: statuses(403, { clerk: 200, clerkOther: 404 }),
    check: aFile("spreadsheet"),
  },
  exportVillageEntries: {
    // The list's readers, with the list's filters; what is inside is checked in entries-export.test.ts.
    request: (fx) => ({ method: "GET", path: `/api/v1/villages/${fx.xinhuaId}/entries/export?format=csv&category=RED` }),
    expect: villageReaders(200), check: aFile("text/csv"),
  },
  exportTownshipOverview: {
    // Each official gets its own township's table (officialOther: the other township's).
    request: () => ({ method: "GET", path: "/api/v1/township/overview/export" }),
    expect: townshipStaffOnly(200, 200), check: aFile("spreadsheet"),
  },
  getTownshipSettings: {
    // Each official reads its own township's settings (officialOther: the other township's).
    request: () => ({ method: "GET", path: "/api/v1/township/settings" }),
    expect: townshipStaffOnly(200, 200), check: (body, who, fx) => expect(body.township.id).toBe(who === "officialOther" ? fx.other.townshipId : fx.townshipId),
  },
  changeTownshipSettings: {
    // Officials only, always on their own township; a day well ahead, scheduled, so that no score changes.
    request: (_fx, who) => ({ method: "POST", path: "/api/v1/township/settings", body: {
      effectiveFrom: dayAfter(dayAfter(dayAfter(chinaToday(new Date())))), weightRed: 2, weightYellow: 1, weightBlack: 3, civilizedMinReds: 1,
      noticePeriodDays: 7, noticeHidesNegativeDetail: true, honourBoardEnabled: true, extractValidityDays: 180, reason: `测试：${who}`,
    } }),
    expect: statuses(403, { official: 201, officialOther: 201 }),
  },
  getRankings: {
    // Township staff rank their township; a clerk his own village (outsideScope checks the other village is absent).
    request: () => ({ method: "GET", path: "/api/v1/township/rankings" }),
    expect: statuses(403, { admin: 200, official: 200, officialOther: 200, clerk: 200, clerkOther: 200 }), check: listed(),
  },
  exportRankings: {
    request: () => ({ method: "GET", path: "/api/v1/township/rankings/export" }),
    expect: statuses(403, { admin: 200, official: 200, officialOther: 200, clerk: 200, clerkOther: 200 }), check: aFile("spreadsheet"),
  },
  getHouseholdScores: {
    request: async () => ({ method: "GET", path: `/api/v1/households/${(await demoHousehold()).id}/scores` }),
    expect: statuses(200, { representative: 403, clerkOther: 404, officialOther: 404, householdOther: 404 }), check: listed(),
  },
  getTownshipDashboard: {
    // Each official gets its own township's figures (officialOther: the other township's); naming another is a 404 (below).
    request: () => ({ method: "GET", path: "/api/v1/township/dashboard" }),
    expect: townshipStaffOnly(200, 200),
    check: async (body, who, fx) => {
      const townshipId = who === "officialOther" ? fx.other.townshipId : fx.townshipId;
      expect(body.township.id).toBe(townshipId);
      expect(body.participation.villages.length).toBe(await db.village.count({ where: { townshipId, active: true } }));
    },
  },
  exportTownshipDashboard: {
    request: () => ({ method: "GET", path: "/api/v1/township/dashboard/export?table=clerks&format=csv" }),
    expect: townshipStaffOnly(200, 200), check: aFile("text/csv"),
  },
  getHouseholdArchive: {
    request: async () => ({ method: "GET", path: `/api/v1/households/${(await demoHousehold()).id}/archive` }),
    expect: statuses(200, { representative: 403, clerkOther: 404, officialOther: 404, householdOther: 404 }),
  },
  requestRectification: {
    request: async () => ({ method: "POST", path: `/api/v1/entries/${await demoEntry("YELLOW")}/rectifications`, body: { note: "已整改到位" } }),
    expect: statuses(403, { clerk: 201, household: 201, clerkOther: 404, householdOther: 404 }),
  },
  decideRectification: {
    request: async () => {
      const id = await byDemoHousehold(`/api/v1/entries/${await demoEntry("YELLOW")}/rectifications`, { note: "已整改到位" });
      return { method: "POST", path: `/api/v1/rectifications/${id}/decision`, body: { decision: "DECLINE", reason: "仍未整改到位" } };
    },
    expect: statuses(403, { clerk: 200, clerkOther: 404 }),
  },
  listRectifications: {
    request: (fx) => ({ method: "GET", path: `/api/v1/villages/${fx.xinhuaId}/rectifications` }),
    expect: { ...villageReaders(200), representative: 403 }, check: listed(),
  },
  uploadRectificationEvidence: {
    // An empty form: who passes authorization is then told the photo is missing.
    // Uploads themselves are tested in rectifications.test.ts.
    request: () => ({ method: "POST", path: "/api/v1/rectifications/evidence", form: new FormData() }),
    expect: statuses(403, { clerk: 400, clerkOther: 400, household: 400, householdOther: 400 }),
  },
  lodgeAppeal: {
    request: async () => ({ method: "POST", path: `/api/v1/entries/${await demoEntry("YELLOW")}/appeals`, body: { reason: "记录与事实不符" } }),
    expect: statuses(403, { household: 201, householdOther: 404 }),
  },
  resolveAppeal: {
    request: async () => {
      const id = await byDemoHousehold(`/api/v1/entries/${await demoEntry("YELLOW")}/appeals`, { reason: "记录与事实不符" });
      return { method: "POST", path: `/api/v1/appeals/${id}/resolution`, body: { outcome: "DISMISSED", resolution: "经核实记录属实" } };
    },
    expect: statuses(403, { clerk: 200, clerkOther: 404 }),
  },
  listOpenAppeals: {
    request: () => ({ method: "GET", path: "/api/v1/appeals" }),
    expect: statuses(200, { representative: 403, household: 403, householdOther: 403 }),
    // The seed has open appeals in 新花村, none in 杨坪社区 or the other township.
    check: (body, who) => expect(body.items.length > 0).toBe(["admin", "official", "clerk"].includes(who)),
  },
  listRuleSets: { request: (fx) => ({ method: "GET", path: `/api/v1/villages/${fx.xinhuaId}/rule-sets` }), expect: villageReaders(200), check: listed() },
  draftRuleSet: {
    request: async (fx) => (await ruleSetIn(fx, "NONE"), { method: "POST", path: `/api/v1/villages/${fx.xinhuaId}/rule-sets`, body: { title: "测试细则" } }),
    expect: statuses(403, { clerk: 201, clerkOther: 404 }),
  },
  getRuleSet: { request: async (fx) => ({ method: "GET", path: `/api/v1/rule-sets/${await ruleSetIn(fx, "DRAFT")}` }), expect: villageReaders(200), check: listed("rules") },
  updateRuleSet: {
    request: async (fx) => ({ method: "PATCH", path: `/api/v1/rule-sets/${await ruleSetIn(fx, "DRAFT")}`, body: { title: `测试细则${uniq()}` } }),
    expect: statuses(403, { clerk: 200, clerkOther: 404 }),
  },
  addRule: {
    request: async (fx) => ({ method: "POST", path: `/api/v1/rule-sets/${await ruleSetIn(fx, "DRAFT")}/rules`, body: ruleBody() }),
    expect: statuses(403, { clerk: 201, clerkOther: 404 }),
  },
  updateRule: {
    request: async (fx) => ({ method: "PATCH", path: `/api/v1/rules/${await ruleInDraft(fx)}`, body: { description: `测试${uniq()}` } }),
    expect: statuses(403, { clerk: 200, clerkOther: 404 }),
  },
  removeRule: {
    request: async (fx) => ({ method: "DELETE", path: `/api/v1/rules/${await ruleInDraft(fx)}` }),
    expect: statuses(403, { clerk: 204, clerkOther: 404 }),
  },
  openRuleSetVote: {
    request: async (fx) => ({ method: "POST", path: `/api/v1/rule-sets/${await ruleSetIn(fx, "DRAFT")}/vote`, body: voteDates() }),
    expect: statuses(403, { clerk: 200, clerkOther: 404 }),
  },
  castRuleSetBallot: {
    // Only representatives vote; the one of 新花村 on its village's rules (another village's: rule-sets.test.ts).
    request: async (fx) => ({ method: "POST", path: `/api/v1/rule-sets/${await ruleSetIn(fx, "VOTING", "rep-xinhua-1")}/ballots`, body: { decision: "ABSTAIN" } }),
    expect: statuses(403, { representative: 201 }),
  },
  enterRuleSetPaperBallot: {
    request: async (fx) => {
      const rep = await db.account.findUniqueOrThrow({ where: { username: "rep-xinhua-2" }, select: { id: true } });
      return { method: "POST", path: `/api/v1/rule-sets/${await ruleSetIn(fx, "VOTING", "rep-xinhua-2")}/paper-ballots`, body: { representativeId: rep.id, decision: "ABSTAIN" } };
    },
    expect: statuses(403, { clerk: 201, clerkOther: 404 }),
  },
  closeRuleSetVote: {
    request: async (fx) => ({ method: "POST", path: `/api/v1/rule-sets/${await ruleSetIn(fx, "QUORUM")}/vote/close` }),
    expect: statuses(403, { clerk: 200, clerkOther: 404 }),
  },
  getPublicRules: {
    request: (fx) => ({ method: "GET", path: `/api/v1/public/villages/${fx.xinhuaId}/rules` }),
    expect: statuses(200, { anonymous: 200 }), check: listed("rules"),
  },
  listVillageReviews: {
    request: (fx) => ({ method: "GET", path: `/api/v1/villages/${fx.xinhuaId}/reviews` }), expect: villageReaders(200), check: listed(),
  },
  openReview: {
    request: async (fx, who) => {
      if (who !== "clerk") return { method: "POST", path: `/api/v1/villages/${fx.xinhuaId}/reviews`, body: { year: 2022, quarter: 1 } };
      const village = await villageWithEndedQuarter();
      return { method: "POST", path: `/api/v1/villages/${village.villageId}/reviews`, body: { year: 2025, quarter: 2 }, as: village.clerk.username };
    },
    expect: statuses(403, { clerk: 201, clerkOther: 404 }),
  },
  listQuartersToReview: {
    request: (fx) => ({ method: "GET", path: `/api/v1/villages/${fx.xinhuaId}/reviews/quarters` }), expect: statuses(403, { clerk: 200, clerkOther: 404 }),
  },
  getReview: {
    request: async () => ({ method: "GET", path: `/api/v1/reviews/${(await seededXinhuaReview("OPEN")).id}` }),
    expect: villageReaders(200), check: listed("rosterMembers"),
  },
  recordAttendance: {
    request: async (fx, who) => {
      const review = await reviewFor(fx, who, "clerk");
      return { method: "POST", path: `/api/v1/reviews/${review.id}/attendance`, body: { representativeIds: [review.repId] }, as: review.as };
    },
    expect: statuses(403, { clerk: 200, clerkOther: 404 }),
  },
  castBallot: {
    // Only representatives vote, on their own village's reviews (another village's: reviews.test.ts).
    request: async (fx, who) => {
      const review = await reviewFor(fx, who, "representative");
      return { method: "POST", path: `/api/v1/reviews/${review.id}/ballots`, body: { defaultDecision: "APPROVE" }, as: review.as };
    },
    expect: statuses(403, { representative: 201 }),
  },
  enterPaperBallot: {
    request: async (fx, who) => {
      const review = await reviewFor(fx, who, "clerk");
      return { method: "POST", path: `/api/v1/reviews/${review.id}/paper-ballots`, body: { representativeId: review.repId }, as: review.as };
    },
    expect: statuses(403, { clerk: 201, clerkOther: 404 }),
  },
  closeReview: {
    request: async (fx, who) => {
      const review = await reviewFor(fx, who, "clerk", true);
      return { method: "POST", path: `/api/v1/reviews/${review.id}/close`, body: { meetingDate: chinaToday(new Date()), minutes: "测试会议记录" }, as: review.as };
    },
    expect: statuses(403, { clerk: 200, clerkOther: 404 }),
  },
  getReviewNotice: {
    // Posted on the village board: anyone may read it, archive numbers included.
    request: async () => ({ method: "GET", path: `/api/v1/reviews/${(await seededXinhuaReview("CLOSED")).id}/notice` }),
    expect: statuses(200, { anonymous: 200 }), check: listed("entries"), publicAnswer: true,
  },
  // Archive extracts of JS-XH-00001: its household and the village's clerks ask, the township issues.
  requestExtract: {
    request: async () => ({ method: "POST", path: `/api/v1/households/${await demoHouseholdId()}/extracts`, body: { purpose: "SCHOOL_ADMISSION" } }),
    expect: statuses(403, { clerk: 201, clerkOther: 404, household: 201, householdOther: 404 }),
  },
  listHouseholdExtracts: {
    request: async () => ({ method: "GET", path: `/api/v1/households/${await demoHouseholdId()}/extracts` }), expect: extractReaders,
  },
  listExtracts: { request: () => ({ method: "GET", path: "/api/v1/extracts" }), expect: townshipStaffOnly(200, 200) },
  getExtract: { request: async () => ({ method: "GET", path: `/api/v1/extracts/${(await demoExtract("REQUESTED")).id}` }), expect: extractReaders },
  consentToExtract: {
    request: async () => ({ method: "POST", path: `/api/v1/extracts/${(await demoExtract("AWAITING_CONSENT")).id}/consent` }),
    expect: statuses(403, { household: 200, householdOther: 404 }),
  },
  refuseExtract: {
    request: async () => ({ method: "POST", path: `/api/v1/extracts/${(await demoExtract("AWAITING_CONSENT")).id}/refuse` }),
    expect: statuses(403, { household: 200, householdOther: 404 }),
  },
  issueExtract: {
    request: async () => ({ method: "POST", path: `/api/v1/extracts/${(await demoExtract("REQUESTED")).id}/issue` }),
    expect: statuses(403, { official: 200, officialOther: 404 }),
  },
  declineExtract: {
    request: async () => ({ method: "POST", path: `/api/v1/extracts/${(await demoExtract("REQUESTED")).id}/decline`, body: { reason: "档案正在复核" } }),
    expect: statuses(403, { official: 200, officialOther: 404 }),
  },
  revokeExtract: {
    request: async () => ({ method: "POST", path: `/api/v1/extracts/${(await demoExtract("ISSUED")).id}/revoke`, body: { reason: "记录有误" } }),
    expect: statuses(403, { official: 200, officialOther: 404 }),
  },
  downloadExtractJws: {
    request: async () => ({ method: "GET", path: `/api/v1/extracts/${(await demoExtract("ISSUED")).id}/jws` }),
    expect: extractReaders, check: aFile("application/jose"),
  },
  verifyExtract: {
    // Anyone may check a code; the answer is what the extract prints, archive number included.
    request: async () => ({ method: "GET", path: `/api/v1/public/extracts/${(await demoExtract("ISSUED")).code}` }),
    expect: statuses(200, { anonymous: 200 }), check: (body) => expect(body.valid).toBe(true), publicAnswer: true,
  },
  getExtractKey: {
    request: () => ({ method: "GET", path: "/api/v1/public/extract-key" }),
    expect: statuses(200, { anonymous: 200 }), check: (body) => expect(body).toMatchObject({ kty: "OKP", crv: "Ed25519" }),
  },
  getSelection: {
    request: (fx) => ({ method: "GET", path: `/api/v1/selection?year=${SELECTION_YEAR}&villageId=${fx.xinhuaId}` }),
    expect: statuses(403, { admin: 200, official: 200, clerk: 200, officialOther: 404, clerkOther: 404 }), check: listed(),
  },
  nominateHousehold: {
    request: async (fx, who) => ({ method: "POST", path: "/api/v1/selection/nominations", body: {
      householdId: who === "clerk" ? await eligibleXinhuaHousehold() : fx.xinhuaHouseholdId, year: SELECTION_YEAR, note: "热心村里公益",
    } }),
    expect: statuses(403, { clerk: 201, clerkOther: 404 }),
  },
  withdrawNomination: {
    request: async (_fx, who) => ({ method: "POST", path: `/api/v1/nominations/${await nominationFor(who === "clerk")}/withdraw`, body: { reason: "材料不全" } }),
    expect: statuses(403, { clerk: 200, clerkOther: 404 }),
  },
  decideNomination: {
    request: async (_fx, who) => ({ method: "POST", path: `/api/v1/nominations/${await nominationFor(who === "official")}/decision`, body: { decision: "AWARD" } }),
    expect: statuses(403, { official: 200, officialOther: 404 }),
  },
  withdrawAward: {
    request: async () => ({ method: "POST", path: `/api/v1/nominations/${await xinhuaAward()}/withdraw-award`, body: { reason: "当年有黑榜，撤销称号" } }),
    expect: statuses(403, { official: 200, officialOther: 404 }),
  },
  getHonourBoard: {
    // Public by design: awarded families (head's name and village, no archive number) and their red entries.
    request: () => ({ method: "GET", path: "/api/v1/public/honour-board" }),
    expect: statuses(200, { anonymous: 200 }), publicAnswer: true,
  },
};

// Civilized-family selection of the seed's last ended year: nominations and decisions are open
// (the township decides a year once it has ended). A successful nomination uses an eligible
// 新花村 household up (a withdrawn one may be nominated again); refusals share one open
// nomination; a successful award withdrawal uses one of the seed's awards up. The small seed
// nominated every eligible 新花村 household of 2025, so when none is left one is freed the way the
// app does it: the official withdraws its award (a withdrawn one may be nominated again).
const SELECTION_YEAR = 2025;
async function eligibleXinhuaHousehold(): Promise<string> {
  const clerk = await db.account.findUniqueOrThrow({ where: { username: "clerk-xinhua" }, select: { homeHouseholdId: true } });
  const qualifies = { year: SELECTION_YEAR, redMarks: { gte: 1 }, blackMarks: 0, unrectifiedYellows: 0 };
  const household = {
    village: { code: "XH" }, status: "ACTIVE" as const, entries: { none: { year: SELECTION_YEAR, status: "PENDING" as const } },
    ...(clerk.homeHouseholdId ? { id: { not: clerk.homeHouseholdId } } : {}),
  };
  const row = await db.householdScore.findFirst({
    where: { ...qualifies, household: { ...household, awards: { none: { year: SELECTION_YEAR, status: { not: "WITHDRAWN" } } } } },
    orderBy: { householdId: "asc" }, select: { householdId: true },
  });
  if (row) return row.householdId;
  const award = await db.civilizedFamilyAward.findFirstOrThrow({
    where: { year: SELECTION_YEAR, status: "AWARDED", household: { ...household, scores: { some: qualifies } } }, orderBy: { id: "desc" },
    select: { id: true, householdId: true },
  });
  const freed = await callApi("POST", `/api/v1/nominations/${award.id}/withdraw-award`, { as: { username: "official" }, body: { reason: "测试：腾出名额" } });
  if (freed.status !== 200) throw new Error(`withdraw-award: ${JSON.stringify(freed.body)}`);
  return award.householdId;
}
async function xinhuaAward(): Promise<string> {
  const award = await db.civilizedFamilyAward.findFirstOrThrow({
    where: { year: SELECTION_YEAR, status: "AWARDED", household: { village: { code: "XH" } } }, orderBy: { id: "asc" }, select: { id: true },
  });
  return award.id;
}
async function nominationFor(fresh: boolean): Promise<string> {
  const open = fresh ? null : await db.civilizedFamilyAward.findFirst({
    where: { year: SELECTION_YEAR, status: "NOMINATED", household: { village: { code: "XH" } } }, select: { id: true },
  });
  if (open) return open.id;
  return (await asXinhuaClerk("/selection/nominations", { householdId: await eligibleXinhuaHousehold(), year: SELECTION_YEAR, note: "热心村里公益" }, 201)).id as string;
}

// 新花村's open rule set in the state a row needs, reached through the API as clerk-xinhua. One
// version is drafted or voted on at a time, so an open one in another state is first voted down
// by every representative: the version in force never changes.
const voteDates = () => ({ meetingDate: chinaToday(new Date()), effectiveFrom: dayAfter(chinaToday(new Date())) });
const ruleBody = () => ({ code: `T${uniq().slice(0, 6).toUpperCase()}`, category: "RED", title: "测试细则", description: "测试细则条目" });

async function asXinhuaClerk(path: string, body?: unknown, expected = 200): Promise<any> {
  const res = await callApi("POST", `/api/v1${path}`, { as: { username: "clerk-xinhua" }, body });
  if (res.status !== expected) throw new Error(`${path}: ${JSON.stringify(res.body)}`);
  return res.body;
}

async function ballotsAgainst(fx: Fixtures, ruleSetId: string): Promise<void> {
  const reps = await db.account.findMany({
    where: { villageId: fx.xinhuaId, role: "REPRESENTATIVE", active: true, ruleBallots: { none: { vote: { ruleSetId } } } }, select: { id: true },
  });
  // Representatives added after the vote opened are not on its roster and are refused.
  for (const rep of reps) await callApi("POST", `/api/v1/rule-sets/${ruleSetId}/paper-ballots`, { as: { username: "clerk-xinhua" }, body: { representativeId: rep.id, decision: "REJECT" } });
}

async function ruleSetIn(fx: Fixtures, state: "NONE" | "DRAFT" | "VOTING" | "QUORUM", unvoted?: string): Promise<string> {
  const open = await db.ruleSet.findFirst({ where: { villageId: fx.xinhuaId, status: { in: ["DRAFT", "VOTING"] } }, select: { id: true, status: true } });
  const wanted = state === "QUORUM" ? "VOTING" : state;
  const hasVoted = !!open && !!unvoted && (await db.ruleSetBallot.count({ where: { vote: { ruleSetId: open.id }, representative: { username: unvoted } } })) > 0;
  let id = open?.id ?? null;
  if (open && (open.status !== wanted || hasVoted)) {
    if (open.status === "DRAFT") await asXinhuaClerk(`/rule-sets/${open.id}/vote`, voteDates());
    await ballotsAgainst(fx, open.id);
    expect((await asXinhuaClerk(`/rule-sets/${open.id}/vote/close`)).status).toBe("REJECTED");
    id = null;
  }
  if (state === "NONE") return "";
  if (!id) {
    id = (await asXinhuaClerk(`/villages/${fx.xinhuaId}/rule-sets`, { title: "测试细则" }, 201)).id as string;
    if (wanted === "VOTING") await asXinhuaClerk(`/rule-sets/${id}/vote`, voteDates());
  }
  if (state === "QUORUM") await ballotsAgainst(fx, id);
  return id;
}

const ruleInDraft = async (fx: Fixtures) => (await asXinhuaClerk(`/rule-sets/${await ruleSetIn(fx, "DRAFT")}/rules`, ruleBody(), 201)).id as string;

// Fixtures of the archive rows: a fresh entry of JS-XH-00001, and a request or an appeal its household makes.
const demoHousehold = () => db.household.findUniqueOrThrow({ where: { archiveNo: "JS-XH-00001" }, select: { id: true } });

async function demoEntry(category: "RED" | "YELLOW"): Promise<string> {
  const rule = await db.rule.findFirstOrThrow({ where: { ruleSet: { village: { code: "XH" }, status: "ADOPTED" }, category }, select: { id: true } });
  const res = await callApi("POST", "/api/v1/entries", { as: { username: "clerk-xinhua" }, body: {
    idempotencyKey: randomUUID(), householdId: (await demoHousehold()).id, ruleId: rule.id, occurredOn: "2026-11-20", description: "测试记录",
  } });
  if (res.status !== 201) throw new Error(`could not record an entry: ${JSON.stringify(res.body)}`);
  return res.body.id;
}

async function byDemoHousehold(path: string, body: unknown): Promise<string> {
  const res = await callApi("POST", path, { as: { username: "JS-XH-00001" }, body });
  if (res.status !== 201) throw new Error(`${path}: ${JSON.stringify(res.body)}`);
  return res.body.id;
}

let fx: Fixtures;

beforeAll(async () => {
  const other = await createOtherTownship();
  const xinhua = await db.village.findFirstOrThrow({ where: { code: "XH" }, select: { id: true } });
  const household = await db.household.findFirstOrThrow({
    where: { villageId: xinhua.id, archiveNo: { not: "JS-XH-00001" }, status: "ACTIVE" }, select: { id: true },
  });
  const clerk2 = await db.account.findUniqueOrThrow({ where: { username: "clerk-xinhua-2" }, select: { id: true } });
  const uploaded = await callApi("POST", "/api/v1/evidence", { as: { username: "clerk-xinhua" }, form: await pngForm() });
  const rule = await db.rule.findFirstOrThrow({ where: { ruleSet: { village: { code: "XH" }, status: "ADOPTED" }, category: "RED" }, select: { id: true } });
  const recorded = await callApi("POST", "/api/v1/entries", { as: { username: "clerk-xinhua" }, body: {
    idempotencyKey: randomUUID(), householdId: (await demoHousehold()).id, ruleId: rule.id, occurredOn: "2026-11-20",
    description: "拾到手机归还失主", evidenceIds: [uploaded.body.id],
  } });
  if (recorded.status !== 201) throw new Error(`could not record an entry with a photo: ${JSON.stringify(recorded.body)}`);
  fx = { other, townshipId: (await township()).id, xinhuaId: xinhua.id, xinhuaHouseholdId: household.id, clerk2Id: clerk2.id, photoId: uploaded.body.id };
});

const document = buildOpenApiDocument();
const operationIds = Object.values(document.paths).flatMap((p) => Object.values(p).map((o) => (o as { operationId: string }).operationId));

// ADR 0004 "Scope refusals": a target outside the caller's scope (a resource, or the village or
// township a list is addressed to) answers 404; only a role without the permission answers 403.
// The callers below are asked about targets in 夹山镇's 新花村 (JS-XH-00001's records); these are
// outside their scope, so wherever their role holds the operation's permission, 403 is wrong.
const OUTSIDE: Partial<Record<Who, Role>> = { officialOther: "TOWNSHIP_OFFICIAL", clerkOther: "CLERK", householdOther: "HOUSEHOLD" };
const permissionOf = (id: string) => Object.values(document.paths).flatMap((p) => Object.values(p))
  .map((o) => o as { operationId: string; "x-permission": Permission | null }).find((o) => o.operationId === id)?.["x-permission"] ?? null;
const holds = (who: Who, id: string) => {
  const role = OUTSIDE[who];
  const permission = permissionOf(id);
  return !!role && !!permission && (policy[permission].roles as readonly Role[]).includes(role);
};

describe("scope refusals", () => {
  it("never expects 403 from a caller outside the target's scope whose role holds the permission", () => {
    const wrong = operationIds.flatMap((id) => (Object.keys(OUTSIDE) as Who[])
      .filter((who) => holds(who, id) && table[id]?.expect[who] === 403).map((who) => `${id} as ${who}`));
    expect(wrong).toEqual([]);
  });

  // Lists addressed to a village or township by a query parameter follow the same rule.
  it.each([
    ["officialOther", "listVillages", (f: Fixtures) => `/api/v1/villages?townshipId=${f.townshipId}`],
    ["officialOther", "listAccounts", (f: Fixtures) => `/api/v1/accounts?villageId=${f.xinhuaId}`],
    ["officialOther", "searchHouseholds", (f: Fixtures) => `/api/v1/households?villageId=${f.xinhuaId}`],
    ["clerkOther", "searchHouseholds", (f: Fixtures) => `/api/v1/households?villageId=${f.xinhuaId}`],
    ["clerkOther", "listVillages", (f: Fixtures) => `/api/v1/villages?townshipId=${f.other.townshipId}`],
    ["officialOther", "getTownshipDashboard", () => "/api/v1/township/dashboard?township=JS"],
  ] as const)("%s → %s filtered to a place outside its scope → 404", async (who, _id, path) => {
    const as = { username: who === "officialOther" ? fx.other.officialUsername : usernames[who] };
    expect((await callApi("GET", path(fx), { as })).status).toBe(404);
  });

  it.each([
    ["official", (f: Fixtures) => `/api/v1/villages?townshipId=${f.townshipId}`],
    ["official", (f: Fixtures) => `/api/v1/accounts?villageId=${f.xinhuaId}`],
    ["clerk", (f: Fixtures) => `/api/v1/households?villageId=${f.xinhuaId}`],
  ] as const)("%s filtered to a place inside its scope → 200 (%s)", async (who, path) => {
    const res = await callApi("GET", path(fx), { as: { username: usernames[who] } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
  });
});

describe("the authorization table", () => {
  it("has a row for every operation of the OpenAPI document, and no stale rows", () => {
    expect(operationIds.filter((id) => !table[id]), "operations without a row").toEqual([]);
    expect(Object.keys(table).filter((id) => !operationIds.includes(id)), "rows without an operation").toEqual([]);
  });

  for (const id of operationIds) {
    const row = table[id];
    if (!row) continue;
    it.each(WHO.map((who) => [who, row.expect[who]] as const))(`${id} as %s → %i`, async (who, status) => {
      const request = await row.request(fx, who);
      const as = request.as ? { username: request.as }
        : who === "anonymous" ? null : { username: who === "officialOther" ? fx.other.officialUsername : usernames[who] };
      const response = await callApi(request.method, request.path, { as, body: request.body, form: request.form });
      expect(response.status, JSON.stringify(response.body)).toBe(status);
      if (holds(who, id)) expect(response.status, "outside the scope is 404, not 403").not.toBe(403);
      if (status >= 400) expect(response.body.error.code).toBeTypeOf("string");
      const answer = JSON.stringify(response.body);
      if (!row.publicAnswer) for (const outside of outsideScope[who](fx)) expect(answer, `answer to ${who} mentions ${outside}`).not.toContain(outside);
      if (status < 300) await row.check?.(response.body, who, fx);
    });
  }
});

// Reviews. A write that succeeds uses its review up (one ballot each, one close), so the caller
// it succeeds for gets a review of its own, in a village of its own (the seeded villages have a
// review for every ended quarter), opened through the API on an entry of an ended quarter; the
// others are refused on 新花村's seeded open review.
let reviewVillages = 0;
const repXinhua1 = async () => (await db.account.findUniqueOrThrow({ where: { username: "rep-xinhua-1" }, select: { id: true } })).id;
const seededXinhuaReview = (status: "OPEN" | "CLOSED") => db.quarterlyReview.findFirstOrThrow({
  where: { village: { code: "XH" }, status, ...(status === "CLOSED" ? { results: { some: { passed: true } } } : {}) }, select: { id: true },
});

/** A village of its own with an entry of 2025Q2 (ended, without a review) not of a representative's home. */
async function villageWithEndedQuarter() {
  const village = await createReviewVillage({ code: `R${++reviewVillages}`, representatives: 3 });
  await recordVillageEntry(village, 3, "RED", "2025-05-15");
  return village;
}

async function reviewFor(_fx: Fixtures, who: Who, succeeds: Who, attending = false): Promise<{ id: string; repId: string; as?: string }> {
  if (who !== succeeds) return { id: (await seededXinhuaReview("OPEN")).id, repId: await repXinhua1() };
  const village = await villageWithEndedQuarter();
  const clerk = { username: village.clerk.username };
  const opened = await callApi("POST", `/api/v1/villages/${village.villageId}/reviews`, { as: clerk, body: { year: 2025, quarter: 2 } });
  if (opened.status !== 201) throw new Error(`could not open a review: ${JSON.stringify(opened.body)}`);
  const roster = opened.body.rosterMembers.map((m: { id: string }) => m.id);
  if (attending) await callApi("POST", `/api/v1/reviews/${opened.body.id}/attendance`, { as: clerk, body: { representativeIds: roster } });
  const as = succeeds === "clerk" ? village.clerk.username : village.reps[0]!.username;
  return { id: opened.body.id as string, repId: village.reps[0]!.id, as };
}
