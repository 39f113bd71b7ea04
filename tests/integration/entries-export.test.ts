import "../helpers/app-database";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { dateToDay } from "@/lib/domain/entry-date";
import { db } from "@/lib/server/db";
import { callerHeaders, fetchInProcess, ORIGIN, type Caller } from "../helpers/api-client";

// The exports hold exactly what the list shows with the same filters, under the page's Chinese
// headers; the CSV starts with a byte order mark so that Excel reads the Chinese.

const clerk = { username: "clerk-xinhua" };
const rep = { username: "rep-xinhua-1" };
const official = { username: "official" };

const ENTRY_HEADERS = ["档案编号", "户主", "成员", "类别", "细则编号", "细则", "记次", "发生日期", "季度", "状态", "事情经过", "照片", "记录时间"];
const OVERVIEW_HEADERS = ["村（社区）", "户数", "红榜", "黄榜", "黑榜", "待评议"];

let xinhuaId: string;

async function download(path: string, as: Caller, language = "zh-CN") {
  const response = await fetchInProcess(new Request(new URL(path, ORIGIN), { headers: await callerHeaders(as, { "accept-language": language }) }));
  return { status: response.status, type: response.headers.get("content-type") ?? "", disposition: response.headers.get("content-disposition") ?? "", bytes: new Uint8Array(await response.arrayBuffer()) };
}

function readCsv(bytes: Uint8Array): string[][] {
  expect([...bytes.slice(0, 3)], "UTF-8 byte order mark").toEqual([0xef, 0xbb, 0xbf]);
  const parsed = Papa.parse<string[]>(new TextDecoder().decode(bytes.slice(3)), { skipEmptyLines: true });
  return parsed.data;
}

async function readXlsx(bytes: Uint8Array): Promise<(string | number)[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const rows: (string | number)[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as (string | number)[]).slice(1)));
  return rows;
}

/** archive number + occurrence day + rule code of each expected entry, sorted. */
const keysOf = (rows: { archiveNo: string; occurredOn: string; ruleCode: string }[]) =>
  rows.map((r) => `${r.archiveNo} ${r.occurredOn} ${r.ruleCode}`).sort();

beforeAll(async () => {
  xinhuaId = (await db.village.findFirstOrThrow({ where: { code: "XH" }, select: { id: true } })).id;
});

describe("exporting a village's entries", () => {
  it("writes exactly the filtered entries to CSV, with Chinese headers and a byte order mark", async () => {
    const busiest = await db.entry.groupBy({
      by: ["year", "quarter", "category"], where: { villageId: xinhuaId }, _count: { _all: true }, orderBy: { _count: { id: "desc" } }, take: 1,
    });
    const { year, quarter, category } = busiest[0]!;
    const expected = await db.entry.findMany({
      where: { villageId: xinhuaId, year, quarter, category },
      select: { occurredOn: true, household: { select: { archiveNo: true } }, rule: { select: { code: true } } },
    });
    expect(expected.length).toBeGreaterThan(1);
    const others = await db.entry.count({ where: { villageId: xinhuaId } });
    expect(others, "the filter leaves entries out").toBeGreaterThan(expected.length);

    const file = await download(`/api/v1/villages/${xinhuaId}/entries/export?format=csv&quarter=${year}Q${quarter}&category=${category}`, clerk);
    expect(file.status).toBe(200);
    expect(file.type).toContain("text/csv");
    expect(file.disposition).toMatch(/filename\*=UTF-8''.*\.csv$/);
    const [headers, ...rows] = readCsv(file.bytes);
    expect(headers).toEqual(ENTRY_HEADERS);
    expect(keysOf(rows.map((r) => ({ archiveNo: r[0]!, occurredOn: r[7]!, ruleCode: r[4]! })))).toEqual(
      keysOf(expected.map((e) => ({ archiveNo: e.household.archiveNo, occurredOn: dateToDay(e.occurredOn), ruleCode: e.rule.code }))),
    );
    const label = { RED: "红榜", YELLOW: "黄榜", BLACK: "黑榜" }[category];
    expect(new Set(rows.map((r) => r[3]))).toEqual(new Set([label]));
    expect(new Set(rows.map((r) => r[8]))).toEqual(new Set([`${year}年第${quarter}季度`]));
  });

  it("writes the same entries to an Excel workbook", async () => {
    const expected = await db.entry.count({ where: { villageId: xinhuaId, status: "CONFIRMED", category: "RED" } });
    const file = await download(`/api/v1/villages/${xinhuaId}/entries/export?format=xlsx&status=CONFIRMED&category=RED`, clerk);
    expect(file.status).toBe(200);
    expect(file.type).toContain("spreadsheetml");
    const [headers, ...rows] = await readXlsx(file.bytes);
    expect(headers).toEqual(ENTRY_HEADERS);
    expect(rows).toHaveLength(expected);
    expect(new Set(rows.map((r) => r[9]))).toEqual(new Set(["已确认"]));
  });

  it("gives a representative only the entries under review, as the list does", async () => {
    const pending = await db.entry.count({ where: { villageId: xinhuaId, status: "PENDING" } });
    expect(pending).toBeGreaterThan(0);
    const [, ...rows] = readCsv((await download(`/api/v1/villages/${xinhuaId}/entries/export?format=csv`, rep)).bytes);
    expect(rows).toHaveLength(pending);
    expect(new Set(rows.map((r) => r[9]))).toEqual(new Set(["待评议"]));
  });

  it("answers in English when asked, and refuses invalid filters and other villages", async () => {
    const [headers] = readCsv((await download(`/api/v1/villages/${xinhuaId}/entries/export?format=csv`, clerk, "en")).bytes);
    expect(headers![0]).toBe("Archive no.");
    expect((await download(`/api/v1/villages/${xinhuaId}/entries/export?quarter=2026Q9`, clerk)).status).toBe(400);
    expect((await download(`/api/v1/villages/${xinhuaId}/entries/export`, { username: "clerk-yangping" })).status).toBe(404);
  });
});

describe("exporting the township overview", () => {
  it("has one row per village and the totals, under the page's headers", async () => {
    const villages = await db.village.findMany({ where: { township: { code: "JS" }, active: true }, orderBy: { code: "asc" }, select: { name: true } });
    const households = await db.household.count({ where: { village: { township: { code: "JS" } }, status: "ACTIVE" } });
    const [headers, ...rows] = readCsv((await download("/api/v1/township/overview/export?format=csv", official)).bytes);
    expect(headers).toEqual(OVERVIEW_HEADERS);
    expect(rows.map((r) => r[0])).toEqual([...villages.map((v) => v.name), "合计"]);
    expect(Number(rows.at(-1)![1])).toBe(households);

    const [xlsxHeaders, ...xlsxRows] = await readXlsx((await download("/api/v1/township/overview/export", official)).bytes);
    expect(xlsxHeaders).toEqual(OVERVIEW_HEADERS);
    expect(xlsxRows.at(-1)).toEqual(rows.at(-1)!.map((cell, i) => (i === 0 ? cell : Number(cell))));
  });

  it("is refused to a village clerk", async () => {
    expect((await download("/api/v1/township/overview/export", clerk)).status).toBe(403);
  });
});
