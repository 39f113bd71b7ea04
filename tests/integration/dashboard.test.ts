import "../helpers/app-database";
import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { chinaToday, dayToDate } from "@/lib/domain/entry-date";
import { quarterOf } from "@/lib/domain/quarter";
import type { TownshipDashboard } from "@/lib/schemas/dashboard";
import { db } from "@/lib/server/db";
import { getTownshipDashboard } from "@/lib/server/dashboard/get-township-dashboard";
import { callApi, callerHeaders, fetchInProcess, ORIGIN, type Caller } from "../helpers/api-client";
import { decideByReview, recordEntry, ruleOf, today } from "../helpers/archive-fixtures";
import { createOtherTownship, type OtherTownship } from "../helpers/other-township";
import { actorOf } from "../helpers/review-village";

// The dashboard's figures against independent counts of the rows they summarise, how they move
// when entries are recorded, confirmed and appealed through the app, its scope, and its exports.

const official: Caller = { username: "official" };
const year = Number(today().slice(0, 4));
const current = quarterOf(dayToDate(today()));

let other: OtherTownship;
let townshipId: string;

const dashboard = async (username = "official", query: { year?: number; township?: string } = {}) =>
  getTownshipDashboard(await actorOf(username), query);
const villageId = async (code: string) => (await db.village.findFirstOrThrow({ where: { code, townshipId }, select: { id: true } })).id;
const rowOf = <R extends { village: { code: string } | null }>(rows: R[], code: string) => rows.find((r) => r.village?.code === code)!;

/** A household of the village nobody on its staff lives in, with an account (for appeals). */
async function householdOf(code: string, skip = 0): Promise<string> {
  const homes = (await db.account.findMany({ where: { homeHouseholdId: { not: null } }, select: { homeHouseholdId: true } })).map((a) => a.homeHouseholdId!);
  const household = await db.household.findFirstOrThrow({
    where: { village: { code, townshipId }, status: "ACTIVE", id: { notIn: homes } }, orderBy: { archiveNo: "asc" }, skip, select: { id: true },
  });
  return household.id;
}

/** Records, as the clerk of 新花村, a red that occurred on `day` (a quarter that has ended: a late entry). */
async function recordLate(day: string): Promise<string> {
  const res = await callApi("POST", "/api/v1/entries", { as: { username: "clerk-xinhua" }, body: {
    idempotencyKey: randomUUID(), householdId: await householdOf("XH", 3), ruleId: await ruleOf("XH", "RED"), occurredOn: day, description: "补录：帮邻居抢收稻谷",
  } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

beforeAll(async () => {
  other = await createOtherTownship();
  townshipId = (await db.township.findUniqueOrThrow({ where: { code: "JS" }, select: { id: true } })).id;
});

describe("per village and quarter", () => {
  it("counts pending, confirmed and rectified entries by category, and those the review confirmed", async () => {
    const figures = await dashboard("official", { year: year - 1 });
    const entries = await db.entry.findMany({
      where: { year: year - 1, village: { townshipId } },
      select: { villageId: true, quarter: true, category: true, status: true, events: { select: { type: true, fromStatus: true } } },
    });
    expect(figures.byVillageQuarter.rows).toHaveLength(figures.participation.villages.length * 4);
    for (const row of figures.byVillageQuarter.rows) {
      const mine = entries.filter((e) => e.villageId === row.village.id && e.quarter === row.quarter && !["VOIDED", "REJECTED"].includes(e.status));
      const of = (category: string) => mine.filter((e) => e.category === category).length;
      const confirmed = mine.filter((e) => e.status === "CONFIRMED" || (e.status === "RECTIFIED" && e.events.some((ev) => ev.type === "RECTIFIED" && ev.fromStatus === "CONFIRMED")));
      expect([row.red, row.yellow, row.black, row.confirmed], `${row.village.name} Q${row.quarter}`).toEqual([of("RED"), of("YELLOW"), of("BLACK"), confirmed.length]);
    }
    expect(figures.byVillageQuarter.rows.reduce((s, r) => s + r.red + r.yellow + r.black, 0)).toBeGreaterThan(50);
    // The seed rectified yellows before and after their confirmation: both kinds were counted above.
    expect(entries.some((e) => e.status === "RECTIFIED")).toBe(true);
  });

  it("lists the current year up to the current quarter, and a recorded entry counts in it, unconfirmed", async () => {
    const before = rowOf((await dashboard()).byVillageQuarter.rows.filter((r) => r.quarter === current.quarter), "XH");
    expect(Math.max(...(await dashboard()).byVillageQuarter.rows.map((r) => r.quarter))).toBe(current.quarter);
    await recordEntry(await householdOf("XH"), "YELLOW");
    const after = rowOf((await dashboard()).byVillageQuarter.rows.filter((r) => r.quarter === current.quarter), "XH");
    expect(after).toEqual({ ...before, yellow: before.yellow + 1 });
  });
});

describe("participation", () => {
  it("is the share of active households with a confirmed red of the year, per village and township-wide", async () => {
    for (const y of [year - 1, year]) {
      const { participation } = await dashboard("official", { year: y });
      const reds = await db.entry.findMany({
        where: { year: y, category: "RED", status: "CONFIRMED", household: { status: "ACTIVE", village: { townshipId } } },
        distinct: ["householdId"], select: { villageId: true },
      });
      for (const row of participation.villages) {
        const households = await db.household.count({ where: { villageId: row.village.id, status: "ACTIVE" } });
        const withRed = reds.filter((r) => r.villageId === row.village.id).length;
        expect(row, `${y} ${row.village.name}`).toEqual({ village: row.village, households, withRed, share: households ? withRed / households : null });
      }
      expect(participation.township.withRed).toBe(reds.length);
      expect(participation.township.households).toBe(await db.household.count({ where: { status: "ACTIVE", village: { townshipId } } }));
      expect(participation.township.share).toBeCloseTo(reds.length / participation.township.households, 10);
      expect(reds.length).toBeGreaterThan(10);
    }
  });
});

describe("the review backlog and participation as entries are recorded late and reviewed", () => {
  it("counts a late entry of an ended quarter, and clears the village's backlog when its review closes", async () => {
    const ended = current.quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: current.quarter - 1 };
    const day = `${ended.year}-${String(ended.quarter * 3 - 1).padStart(2, "0")}-15`;
    const before = rowOf((await dashboard()).backlog.villages, "XH");
    await recordLate(day);
    const { backlog } = await dashboard();
    const after = rowOf(backlog.villages, "XH");
    expect(after.pending).toBe(before.pending + 1);
    const pendingEnded = await db.entry.findMany({ where: { villageId: await villageId("XH"), status: "PENDING" }, select: { year: true, quarter: true } });
    const endedOnes = pendingEnded.filter((e) => e.year * 4 + e.quarter < current.year * 4 + current.quarter);
    expect(after.pending).toBe(endedOnes.length);
    const oldest = endedOnes.map((e) => e.year * 4 + e.quarter).sort((a, b) => a - b)[0]!;
    expect(after.oldestQuarter!.year * 4 + after.oldestQuarter!.quarter).toBe(oldest);
    expect(backlog.total).toBe(await db.entry.count({
      where: { status: "PENDING", village: { townshipId }, OR: [{ year: { lt: current.year } }, { year: current.year, quarter: { lt: current.quarter } }] },
    }));
    // 新花村's seeded review is open, and shown.
    const open = await db.quarterlyReview.findMany({ where: { villageId: await villageId("XH"), status: "OPEN" }, select: { year: true, quarter: true }, orderBy: [{ year: "asc" }, { quarter: "asc" }] });
    expect(after.openReviews).toEqual(open);
  });

  it("a red confirmed by a review moves participation; the review clears the village's backlog", async () => {
    const yp = await villageId("YP");
    const noRedYet = await db.household.findFirstOrThrow({
      where: { villageId: yp, status: "ACTIVE", entries: { none: { year, category: "RED", status: "CONFIRMED" } }, residents: { none: {} } },
      orderBy: { archiveNo: "asc" }, select: { id: true },
    });
    const before = await dashboard();
    const red = await recordEntry(noRedYet.id, "RED", "clerk-yangping", "YP");
    await decideByReview([red]);
    const after = await dashboard();
    // The review put every pending entry of 杨坪社区 up to now to the vote: other reds may count too.
    const withRed = await db.household.count({ where: { villageId: yp, status: "ACTIVE", entries: { some: { year, category: "RED", status: "CONFIRMED" } } } });
    expect(rowOf(after.participation.villages, "YP").withRed).toBe(withRed);
    expect(withRed).toBeGreaterThan(rowOf(before.participation.villages, "YP").withRed);
    expect(after.participation.township.withRed - before.participation.township.withRed).toBe(withRed - rowOf(before.participation.villages, "YP").withRed);
    expect(rowOf(after.backlog.villages, "YP")).toMatchObject({ pending: 0, oldestQuarter: null });
    const q = rowOf(after.byVillageQuarter.rows.filter((r) => r.quarter === current.quarter), "YP");
    expect(q.confirmed).toBe(await db.entry.count({ where: { villageId: yp, year, quarter: current.quarter, status: { in: ["CONFIRMED"] } } })
      + await db.entry.count({ where: { villageId: yp, year, quarter: current.quarter, status: "RECTIFIED", events: { some: { type: "RECTIFIED", fromStatus: "CONFIRMED" } } } }));
  });
});

describe("open appeals by age", () => {
  it("puts an appeal lodged today in the 0–7 days bucket, and ages match the appeals' days", async () => {
    const before = rowOf((await dashboard()).openAppeals.villages, "XH");
    const entry = await recordEntry((await db.household.findUniqueOrThrow({ where: { archiveNo: "JS-XH-00001" }, select: { id: true } })).id, "YELLOW");
    const lodged = await callApi("POST", `/api/v1/entries/${entry}/appeals`, { as: { username: "JS-XH-00001" }, body: { reason: "记录与事实不符" } });
    expect(lodged.status, JSON.stringify(lodged.body)).toBe(201);
    const { openAppeals } = await dashboard();
    const after = rowOf(openAppeals.villages, "XH");
    expect(after).toEqual({ ...before, upTo7: before.upTo7 + 1, total: before.total + 1, oldestDays: Math.max(before.oldestDays ?? 0, 0) });

    const open = await db.appeal.findMany({ where: { status: "OPEN", village: { townshipId } }, select: { createdAt: true } });
    const ages = open.map((a) => (dayToDate(chinaToday(new Date())).getTime() - dayToDate(chinaToday(a.createdAt)).getTime()) / 86_400_000);
    expect(openAppeals.township).toEqual({
      upTo7: ages.filter((d) => d <= 7).length, upTo30: ages.filter((d) => d > 7 && d <= 30).length,
      upTo90: ages.filter((d) => d > 30 && d <= 90).length, over90: ages.filter((d) => d > 90).length,
      total: open.length, oldestDays: Math.max(...ages),
    });
  });
});

describe("clerks", () => {
  it("counts each clerk's entries of the year in any status, per village they were recorded in, with the shares of yellow and black", async () => {
    const { clerks } = await dashboard("official", { year: year - 1 });
    const entries = await db.entry.findMany({ where: { year: year - 1, village: { townshipId } }, select: { recordedById: true, villageId: true, category: true } });
    const pairs = [...new Set(entries.map((e) => `${e.recordedById}@${e.villageId}`))].sort();
    expect(clerks.rows.map((r) => `${r.clerk.id}@${r.village.id}`).sort()).toEqual(pairs);
    for (const row of clerks.rows) {
      const mine = entries.filter((e) => e.recordedById === row.clerk.id && e.villageId === row.village.id);
      const yellow = mine.filter((e) => e.category === "YELLOW").length;
      const black = mine.filter((e) => e.category === "BLACK").length;
      expect(row).toMatchObject({ entries: mine.length, yellow, black, yellowShare: yellow / mine.length, blackShare: black / mine.length });
    }
    expect(clerks.norm.entries).toBe(entries.length);
    expect(clerks.norm.yellowBlack).toBe(entries.filter((e) => e.category !== "RED").length);
  });

  it("names the village the entries were recorded in, not the one the clerk's account is in today", async () => {
    const clerk = await db.account.findUniqueOrThrow({ where: { username: "clerk-xinhua" }, select: { id: true, villageId: true, townshipId: true } });
    const before = (await dashboard("official", { year: year - 1 })).clerks.rows.filter((r) => r.clerk.id === clerk.id);
    expect(before.map((r) => r.village.code)).toEqual(["XH"]);
    try {
      // Moved to another village of the township, then to another township.
      await db.account.update({ where: { id: clerk.id }, data: { villageId: await villageId("YP") } });
      expect((await dashboard("official", { year: year - 1 })).clerks.rows.filter((r) => r.clerk.id === clerk.id)).toEqual(before);
      await db.account.update({ where: { id: clerk.id }, data: { villageId: other.villageId, townshipId: other.townshipId } });
      expect((await dashboard("official", { year: year - 1 })).clerks.rows.filter((r) => r.clerk.id === clerk.id)).toEqual(before);
      expect((await dashboard(other.officialUsername, { year: year - 1 })).clerks.rows).toEqual([]);
    } finally {
      await db.account.update({ where: { id: clerk.id }, data: { villageId: clerk.villageId, townshipId: clerk.townshipId } });
    }
  });

  it("flags a clerk whose share of yellow and black is far from the township's, as a prompt for a second look", async () => {
    const before = await dashboard();
    expect(before.clerks.rows.find((r) => r.clerk.username === "clerk-xinhua-2")?.flag ?? null).toBeNull();
    for (let i = 0; i < 20; i++) await recordEntry(await householdOf("XH", i % 6), "YELLOW", "clerk-xinhua-2");
    const { clerks } = await dashboard();
    const row = clerks.rows[0]!;
    expect(row.clerk.username).toBe("clerk-xinhua-2");
    expect(row.flag).toMatchObject({ direction: "HIGH" });
    expect(row.flag!.tail).toBeLessThan(clerks.tailThreshold);
    // The shares one decimal, as in the table.
    expect(row.flag!.reason).toContain(`${Math.round(row.flag!.share * 1000) / 10}%`);
    expect(row.flag!.reason).toContain(`${Math.round(row.flag!.norm * 1000) / 10}%`);
    expect(row.flag!.reason).toContain("建议");
    expect(row.flag!.reason).toContain("不代表记录有误");
    expect(clerks.rows.filter((r) => r.flag).every((r) => r.entries >= clerks.minEntries)).toBe(true);
    const en = await getTownshipDashboard(await actorOf("official"), {}, { locale: "en" });
    expect(en.clerks.rows[0]!.flag!.reason).toMatch(/not a finding/);
  });
});

describe("scope", () => {
  it("shows an official only its own township, and 404 for another township named", async () => {
    const mine = await dashboard();
    expect(mine.township.code).toBe("JS");
    const theirs = await dashboard(other.officialUsername);
    expect(theirs.township.id).toBe(other.townshipId);
    expect(theirs.participation.villages.map((v) => v.village.id)).toEqual([other.villageId]);
    expect(theirs.clerks.rows).toEqual([]);
    expect(JSON.stringify(theirs)).not.toContain(townshipId);
    const named = await callApi("GET", "/api/v1/township/dashboard?township=JS", { as: { username: other.officialUsername } });
    expect(named.status).toBe(404);
    expect((await callApi("GET", "/api/v1/township/dashboard?township=JS", { as: official })).status).toBe(200);
  });

  it("lets an administrator choose the township (the first when none), and refuses clerks", async () => {
    expect((await dashboard("admin")).township.code).toBe("JS");
    expect((await dashboard("admin", { township: "QT" })).township.id).toBe(other.townshipId);
    await expect(dashboard("clerk-xinhua")).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await callApi("GET", "/api/v1/township/dashboard", { as: { username: "clerk-xinhua" } })).status).toBe(403);
    expect((await callApi("GET", "/api/v1/township/dashboard?year=1999", { as: official })).status).toBe(400);
  });

  it("offers the years with entries, newest first", async () => {
    const { period } = await dashboard();
    const first = await db.entry.aggregate({ where: { village: { townshipId } }, _min: { year: true } });
    expect(period.years[0]).toBe(year);
    expect(period.years.at(-1)).toBe(first._min.year);
    expect(period).toMatchObject({ year, today: today(), currentQuarter: current });
  });
});

describe("exports", () => {
  async function download(path: string): Promise<Uint8Array> {
    const response = await fetchInProcess(new Request(new URL(path, ORIGIN), { headers: await callerHeaders(official) }));
    expect(response.status).toBe(200);
    return new Uint8Array(await response.arrayBuffer());
  }
  const readCsv = (bytes: Uint8Array) => Papa.parse<string[]>(new TextDecoder().decode(bytes.slice(3)), { skipEmptyLines: true }).data;
  async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const rows: string[][] = [];
    workbook.worksheets[0]!.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1);
      rows.push(Array.from({ length: values.length }, (_, i) => String(values[i] ?? "")));
    });
    return rows;
  }
  const pct = (share: number | null) => (share === null ? "" : String(Math.round(share * 1000) / 10));
  const q = (x: { year: number; quarter: number } | null) => (x ? `${x.year}年第${x.quarter}季度` : "");
  const expected = (d: TownshipDashboard): Record<string, string[][]> => ({
    byVillageQuarter: d.byVillageQuarter.rows.map((r) => [r.village.name, `第${r.quarter}季度`, r.red, r.yellow, r.black, r.confirmed].map(String)),
    participation: [...d.participation.villages, { village: { name: "全镇" }, ...d.participation.township }]
      .map((r) => [r.village.name, String(r.households), String(r.withRed), pct(r.share)]),
    backlog: [...d.backlog.villages.map((r) => [r.village.name, String(r.pending), q(r.oldestQuarter), r.openReviews.map(q).join("、")]), ["全镇", String(d.backlog.total), "", ""]],
    openAppeals: [...d.openAppeals.villages, { village: { name: "全镇" }, ...d.openAppeals.township }]
      .map((r) => [r.village.name, r.upTo7, r.upTo30, r.upTo90, r.over90, r.total, r.oldestDays ?? ""].map(String)),
    clerks: [...d.clerks.rows.map((r) => [r.clerk.displayName, r.village.name, String(r.entries), pct(r.yellowShare), pct(r.blackShare), r.flag?.reason ?? ""]),
      ["全镇", "", String(d.clerks.norm.entries), "", "", ""]],
  });

  it.each(["byVillageQuarter", "participation", "backlog", "openAppeals", "clerks"])("%s: CSV and XLSX hold the JSON's rows under the page's headers", async (table) => {
    const json = await callApi("GET", `/api/v1/township/dashboard?year=${year}`, { as: official });
    expect(json.status).toBe(200);
    const want = expected(json.body)[table]!;
    expect(want.length).toBeGreaterThan(1);
    const [csvHeaders, ...csvRows] = readCsv(await download(`/api/v1/township/dashboard/export?table=${table}&year=${year}&format=csv`));
    const [xlsxHeaders, ...xlsxRows] = await readXlsx(await download(`/api/v1/township/dashboard/export?table=${table}&year=${year}&format=xlsx`));
    expect(csvHeaders![0]).toMatch(/村（社区）|记录员/);
    expect(xlsxHeaders).toEqual(csvHeaders);
    expect(csvRows).toEqual(want);
    expect(xlsxRows.map((row) => [...row, ...Array(want[0]!.length - row.length).fill("")])).toEqual(want);
  });

  it("quotes text that starts like a formula in the CSV, and keeps it a plain string in the XLSX", async () => {
    const evil = '=HYPERLINK("http://x")';
    const clerk = await db.account.findUniqueOrThrow({ where: { username: "clerk-xinhua" }, select: { id: true, displayName: true } });
    const village = await db.village.create({ data: { townshipId, code: "ZZ", name: "+新建村", kind: "VILLAGE" }, select: { id: true } });
    try {
      await db.account.update({ where: { id: clerk.id }, data: { displayName: evil } });
      const cases = [{ table: "clerks", text: evil }, { table: "participation", text: "+新建村" }];
      for (const { table, text } of cases) {
        const csv = readCsv(await download(`/api/v1/township/dashboard/export?table=${table}&year=${year - 1}&format=csv`));
        expect(csv.some((row) => row[0] === `'${text}`), table).toBe(true);
        expect(csv.flat().some((cell) => cell === text), table).toBe(false);
        const bytes = await download(`/api/v1/township/dashboard/export?table=${table}&year=${year - 1}&format=xlsx`);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
        const cells: ExcelJS.Cell[] = [];
        workbook.worksheets[0]!.eachRow((row) => row.eachCell((cell) => { if (cell.text === text) cells.push(cell); }));
        expect(cells.length, table).toBeGreaterThan(0);
        for (const cell of cells) {
          expect(cell.type, table).toBe(ExcelJS.ValueType.String);
          expect(cell.formula, table).toBeUndefined();
          expect(cell.value, table).toBe(text);
        }
      }
    } finally {
      await db.account.update({ where: { id: clerk.id }, data: { displayName: clerk.displayName } });
      await db.village.delete({ where: { id: village.id } });
    }
  });
});
