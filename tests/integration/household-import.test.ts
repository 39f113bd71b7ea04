import "../helpers/app-database";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as importRoute } from "@/app/api/v1/villages/[id]/households/import/route";
import { GET as exportRoute } from "@/app/api/v1/villages/[id]/households/export/route";
import { GET as templateRoute } from "@/app/api/v1/villages/[id]/households/template/route";
import { db } from "@/lib/server/db";
import { HEADER, generateRows, toCsv, toXlsx, type Row } from "../../scripts/bench/household-rows";
import { sessionCookieFor } from "../helpers/api-client";

const ORIGIN = "http://localhost:3000";

async function request(username: string, method: string, path: string, body?: FormData) {
  const headers = new Headers({ origin: ORIGIN, host: "localhost:3000", "accept-language": "zh-CN", cookie: await sessionCookieFor(username) });
  return new Request(new URL(path, ORIGIN), { method, headers, ...(body && { body }) });
}

async function upload(username: string, villageId: string, file: { name: string; bytes: Buffer }, dryRun: boolean) {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(file.bytes)], file.name));
  const req = await request(username, "POST", `/api/v1/villages/${villageId}/households/import?dryRun=${dryRun}`, form);
  const res = await importRoute(req, { params: Promise.resolve({ id: villageId }) });
  return { status: res.status, body: await res.json() };
}

async function download(username: string, route: typeof exportRoute, path: string, villageId: string) {
  const res = await route(await request(username, "GET", path), { params: Promise.resolve({ id: villageId }) });
  return { status: res.status, type: res.headers.get("content-type"), disposition: res.headers.get("content-disposition"), bytes: Buffer.from(await res.arrayBuffer()) };
}

async function readSheet(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as never);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push(HEADER.map((_h, i) => String(row.getCell(i + 1).value ?? ""))));
  return rows;
}

/** Sets a household column on every row of the household of `rows[index]`. */
function setHousehold(rows: Row[], index: number, column: number, value: string) {
  const [head, address] = [rows[index]![1], rows[index]![3]];
  for (const row of rows) if (row[1] === head && row[3] === address) row[column] = value;
}

const counts = async () => ({ households: await db.household.count(), members: await db.member.count(), audit: await db.auditLog.count() });
const csv = (name: string, rows: Row[]) => ({ name, bytes: toCsv(rows) });

/** A refused or dry-run request leaves the database as it was. */
async function unchanged<T>(run: () => Promise<T>): Promise<T> {
  const before = await counts();
  const result = await run();
  expect(await counts()).toEqual(before);
  return result;
}

let village: { id: string }; // a new, empty village with its own clerk
let xinhua: { id: string };

beforeAll(async () => {
  const township = await db.township.findUniqueOrThrow({ where: { code: "JS" }, select: { id: true } });
  village = await db.village.create({ data: { townshipId: township.id, code: "DR", name: "导入村", kind: "VILLAGE" }, select: { id: true } });
  await db.villagerGroup.createMany({ data: [1, 2, 3, 4, 5].map((n) => ({ villageId: village.id, number: n, name: `第${n}村民小组` })) });
  await db.account.create({ data: { username: "clerk-daoru", displayName: "导入村理事", role: "CLERK", townshipId: township.id, villageId: village.id } });
  xinhua = await db.village.findFirstOrThrow({ where: { code: "XH" }, select: { id: true } });
});

describe("importing a good file", () => {
  it("checks a CSV first without writing, then imports all of it in one audited transaction", async () => {
    const rows = generateRows(40, { seed: "good-csv" });
    setHousehold(rows, 0, 4, "138-0736 1234"); // dashes and spaces are tidied
    const file = csv("新村农户.csv", rows);
    const dry = await unchanged(() => upload("clerk-daoru", village.id, file, true));
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, imported: false, rows: rows.length, newHouseholds: 40, newMembers: rows.length, unchangedHouseholds: 0, problems: [] });

    const before = await counts();
    const done = await upload("clerk-daoru", village.id, file, false);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ imported: true, newHouseholds: 40, archiveNos: { first: "JS-DR-00001", last: "JS-DR-00040" } });
    expect(await counts()).toEqual({ households: before.households + 40, members: before.members + rows.length, audit: before.audit + 1 });
    const audit = await db.auditLog.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ action: "household.import", targetType: "Village", targetId: village.id, villageId: village.id });
    expect(audit.after).toMatchObject({ fileName: "新村农户.csv", sha256: dry.body.sha256, households: 40, members: rows.length });

    const first = await db.household.findUniqueOrThrow({ where: { archiveNo: "JS-DR-00001" }, select: { headName: true, headInitials: true, phone: true, status: true, group: { select: { number: true } }, members: { select: { relation: true } } } });
    expect(first).toMatchObject({ headName: rows[0]![1], phone: "13807361234", status: "ACTIVE", group: { number: Number(rows[0]![2]) } });
    expect(first.headInitials).toMatch(/^[a-z]{2,3}$/);
    expect(first.members.filter((m) => m.relation === "HEAD")).toHaveLength(1);

    // The same file again would register every household twice.
    const again = await unchanged(() => upload("clerk-daoru", village.id, file, false));
    expect(again.status).toBe(422);
    expect(again.body.error.report.problems).toHaveLength(40);
    expect(again.body.error.details).toHaveLength(40);
    expect(again.body.error.report.problems[0]).toMatchObject({ row: 2, column: "户主姓名", message: expect.stringContaining("JS-DR-00001") });
  });

  it("imports an XLSX with numbers typed as numbers, keeping given archive numbers and numbering after them", async () => {
    const rows = generateRows(15, { seed: "good-xlsx" });
    const given = rows.filter((r) => r[1] === rows[0]![1] && r[3] === rows[0]![3]);
    for (const row of given) row[0] = "js-dr-00500";
    const file = { name: "农户.xlsx", bytes: await toXlsx(rows) };
    const dry = await unchanged(() => upload("clerk-daoru", village.id, file, true));
    expect(dry.body).toMatchObject({ problems: [], newHouseholds: 15, newMembers: rows.length });
    const done = await upload("clerk-daoru", village.id, file, false);
    expect(done.body).toMatchObject({ imported: true, archiveNos: { first: "JS-DR-00501", last: "JS-DR-00514" } });
    expect(await db.member.count({ where: { household: { archiveNo: "JS-DR-00500" } } })).toBe(given.length);
  });

  it("accepts a 13,600-row file", async () => {
    const rows = generateRows(4_200, { seed: "big", place: "夹山镇大村" }).slice(0, 13_600);
    while (rows.at(-1)![8] !== "户主") rows.pop(); // end on a whole household
    const before = await counts();
    const started = Date.now();
    const done = await upload("clerk-daoru", village.id, csv("大文件.csv", rows), false);
    expect(done.status, JSON.stringify(done.body).slice(0, 500)).toBe(200);
    rows.pop();
    expect(done.body.rows).toBe(rows.length + 1);
    expect((await counts()).members - before.members).toBe(rows.length + 1);
    expect(Date.now() - started).toBeLessThan(60_000);
  });
});

describe("a file with bad rows", () => {
  it("reports every bad row and column in plain Chinese, and imports nothing", async () => {
    const rows = generateRows(6, { seed: "bad" });
    const headRows = rows.map((r, i) => (r[8] === "户主" ? i : -1)).filter((i) => i >= 0);
    rows[1]![10] = "1850"; // bad year
    rows[2]![8] = "堂弟"; // unknown relation
    rows[headRows[2]!]![8] = "儿子"; // third household loses its head
    rows[headRows[3]!]![4] = "12345"; // bad phone
    for (let i = headRows[4]!; i < (headRows[5] ?? rows.length); i++) rows[i]![0] = "JS-DR-09900";
    const repeated = [...rows, [...rows[headRows[4]!]!]]; // the same archive number further down
    const sheetRow = (index: number) => index + 2;

    const dry = await unchanged(() => upload("clerk-daoru", village.id, csv("有错.csv", repeated), true));
    expect(dry.status).toBe(200);
    const problems = dry.body.problems as { row: number; column: string; message: string }[];
    const text = problems.map((p) => `第${p.row}行「${p.column}」：${p.message}`);
    expect(text).toContain(`第${sheetRow(1)}行「出生年份」：应为1900到今年之间的年份`);
    expect(problems).toContainEqual({ row: sheetRow(2), column: "与户主关系", message: expect.stringContaining("户主、配偶、儿子") });
    expect(problems).toContainEqual({ row: sheetRow(headRows[2]!), column: "与户主关系", message: expect.stringContaining("没有户主那一行") });
    expect(problems).toContainEqual({ row: sheetRow(headRows[3]!), column: "联系电话", message: expect.stringContaining("11 位手机号码") });
    expect(problems).toContainEqual({ row: sheetRow(repeated.length - 1), column: "档案编号", message: expect.stringContaining(`在第${sheetRow(headRows[4]!)}行已经用过`) });
    expect(problems).toHaveLength(5);

    const refused = await unchanged(() => upload("clerk-daoru", village.id, csv("有错.csv", repeated), false));
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: "RULE_VIOLATION", message: "文件中有 5 处问题，没有导入任何内容。请改正后重新检查。" });
    expect(refused.body.error.report.problems).toEqual(problems);
    expect(await db.household.count({ where: { archiveNo: "JS-DR-09900" } })).toBe(0);
  });

  it("names missing columns, unreadable files and archive numbers of another village", async () => {
    const noColumns = await unchanged(() => upload("clerk-daoru", village.id, { name: "x.csv", bytes: Buffer.from("姓名,年龄\n张三,30\n") }, true));
    expect(noColumns.body.problems.map((p: any) => p.column)).toEqual(["户主姓名", "住址", "成员姓名", "与户主关系", "出生年份"]);
    const binary = await unchanged(() => upload("clerk-daoru", village.id, { name: "x.xls", bytes: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 1, 2]) }, true));
    expect(binary.body.problems).toEqual([{ row: 0, column: "", message: expect.stringContaining("无法读取这个文件") }]);
    const rows = generateRows(1, { seed: "other" }).map((r) => ["JS-XH-00001", ...r.slice(1)]);
    const other = await unchanged(() => upload("clerk-daoru", village.id, csv("x.csv", rows), true));
    expect(other.body.problems[0]).toMatchObject({ row: 2, column: "档案编号", message: expect.stringContaining("JS-DR-") });
  });

  it("refuses clerks of other villages, officials and representatives", async () => {
    const file = csv("x.csv", generateRows(2, { seed: "scope" }));
    expect((await unchanged(() => upload("clerk-xinhua", village.id, file, false))).status).toBe(404);
    expect((await unchanged(() => upload("official", village.id, file, false))).status).toBe(403);
    expect((await unchanged(() => upload("rep-xinhua-1", village.id, file, false))).status).toBe(403);
    expect((await unchanged(() => upload("JS-XH-00001", village.id, file, false))).status).toBe(403);
  });
});

describe("export and template", () => {
  it("exports a village in the import layout, and the export imports back as unchanged", async () => {
    const file = await download("clerk-xinhua", exportRoute, `/api/v1/villages/${xinhua.id}/households/export`, xinhua.id);
    expect(file.status).toBe(200);
    expect(file.type).toContain("spreadsheetml");
    expect(file.disposition).toContain("filename*=UTF-8''");
    const sheet = await readSheet(file.bytes);
    expect(sheet[0]).toEqual(HEADER);
    const households = await db.household.count({ where: { villageId: xinhua.id } });
    expect(sheet.length - 1).toBe(await db.member.count({ where: { active: true, household: { villageId: xinhua.id } } }));

    const again = await unchanged(() => upload("clerk-xinhua", xinhua.id, { name: "export.xlsx", bytes: file.bytes }, false));
    expect(again.status, JSON.stringify(again.body.problems?.slice(0, 3))).toBe(200);
    expect(again.body).toMatchObject({ problems: [], newHouseholds: 0, unchangedHouseholds: households, imported: false });
  });

  it("round-trips an imported village: its export holds exactly the rows that were imported", async () => {
    const sheet = await readSheet((await download("clerk-daoru", exportRoute, `/api/v1/villages/${village.id}/households/export`, village.id)).bytes);
    const rows = generateRows(40, { seed: "good-csv" });
    setHousehold(rows, 0, 4, "13807361234");
    const exported = sheet.slice(1).filter((r) => r[0]! <= "JS-DR-00040").map((r) => [r[1], r[3], r[4], r[5], r[7], r[8], r[9], r[10]].join("|"));
    const imported = rows.map((r) => [r[1], r[3], r[4], r[5], r[7], r[8], r[9], r[10]].join("|"));
    expect(exported.sort()).toEqual(imported.sort());
    expect(sheet.slice(1).every((r) => r[6] === "在册" && /^第\d村民小组$/.test(r[2]!))).toBe(true);
  });

  it("lets officials export but not import, and keeps other townships' clerks out", async () => {
    expect((await download("official", exportRoute, `/api/v1/villages/${xinhua.id}/households/export`, xinhua.id)).status).toBe(200);
    expect((await download("clerk-yangping", exportRoute, `/api/v1/villages/${xinhua.id}/households/export`, xinhua.id)).status).toBe(404);
    expect((await download("JS-XH-00001", exportRoute, `/api/v1/villages/${xinhua.id}/households/export`, xinhua.id)).status).toBe(403);
  });

  it("offers the template as XLSX with notes, and as CSV", async () => {
    const xlsx = await download("clerk-xinhua", templateRoute, `/api/v1/villages/${xinhua.id}/households/template`, xinhua.id);
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as never);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["农户成员", "填写说明"]);
    expect(JSON.stringify(workbook.worksheets[1]!.getSheetValues())).toContain("JS-XH-");
    const csvFile = await download("clerk-xinhua", templateRoute, `/api/v1/villages/${xinhua.id}/households/template?format=csv`, xinhua.id);
    expect(csvFile.bytes.toString("utf8")).toBe(`\uFEFF${HEADER.join(",")}\r\n`);
    expect((await download("official", templateRoute, `/api/v1/villages/${xinhua.id}/households/template`, xinhua.id)).status).toBe(403);
  });
});
