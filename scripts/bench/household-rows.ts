// Household import files for tests and the import benchmark: one row per member, in the import
// layout, with names from the demo seed's generator.
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { fullName, mobile, surname } from "../../prisma/seed/names";
import { Rng } from "../../prisma/seed/random";

export const HEADER = ["档案编号", "户主姓名", "村民小组", "住址", "联系电话", "建档日期", "户状态", "成员姓名", "与户主关系", "性别", "出生年份"];
export type Row = string[];

/** `households` new households (no archive numbers) of a village with `groups` groups. */
export function generateRows(households: number, options: { seed?: string; groups?: number; place?: string } = {}): Row[] {
  const rng = new Rng(options.seed ?? "household-rows");
  const rows: Row[] = [];
  for (let i = 1; i <= households; i++) {
    const family = surname(rng);
    const headBirth = rng.int(1940, 1995);
    const male = rng.chance(0.85);
    const head = fullName(rng, family, male ? "MALE" : "FEMALE", headBirth);
    const group = String(rng.int(1, options.groups ?? 5));
    const household = ["", head, group, `${options.place ?? "夹山镇测试村"}${group}组${i}号`, rng.chance(0.9) ? mobile(rng) : "", "2019-03-05", ""];
    rows.push([...household, head, "户主", male ? "男" : "女", String(headBirth)]);
    const spouseBirth = headBirth + rng.int(-3, 3);
    if (rng.chance(0.85)) rows.push([...household, fullName(rng, surname(rng, family), male ? "FEMALE" : "MALE", spouseBirth), "配偶", male ? "女" : "男", String(spouseBirth)]);
    for (let c = rng.int(0, 3); c > 0; c--) {
      const son = rng.chance(0.5);
      const birth = Math.min(2025, headBirth + rng.int(22, 35));
      rows.push([...household, fullName(rng, family, son ? "MALE" : "FEMALE", birth), son ? "儿子" : "女儿", son ? "男" : "女", String(birth)]);
    }
  }
  return rows;
}

export const toCsv = (rows: Row[]): Buffer => Buffer.from(`\uFEFF${Papa.unparse({ fields: HEADER, data: rows })}\r\n`, "utf8");

export async function toXlsx(rows: Row[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("农户成员");
  sheet.addRow(HEADER);
  // Years and phone numbers as numbers, as a clerk's spreadsheet has them.
  for (const row of rows) sheet.addRow(row.map((cell, i) => (i === 10 || (i === 4 && cell) ? Number(cell) : cell)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
