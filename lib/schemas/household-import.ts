import { z } from "zod";
import { chinaToday } from "@/lib/domain/entry-date";
import { textSchema } from "./common";
import { isValidPhone, normalizePhone, type MemberRelation } from "./households";

// The import and export file: one row per member, the household's columns repeated on each of
// its rows. The column names and the words in the cells are the file format itself, in the
// Chinese that the village's spreadsheets use, so they live here rather than in the catalogue.
export const IMPORT_COLUMNS = {
  archiveNo: "档案编号",
  headName: "户主姓名",
  group: "村民小组",
  address: "住址",
  phone: "联系电话",
  registeredOn: "建档日期",
  status: "户状态",
  memberName: "成员姓名",
  relation: "与户主关系",
  gender: "性别",
  birthYear: "出生年份",
} as const;
export type ImportColumn = keyof typeof IMPORT_COLUMNS;
export const IMPORT_COLUMN_KEYS = Object.keys(IMPORT_COLUMNS) as ImportColumn[];
export const REQUIRED_COLUMNS: readonly ImportColumn[] = ["headName", "address", "memberName", "relation", "birthYear"];

export const RELATION_LABELS: Record<MemberRelation, string> = {
  HEAD: "户主", SPOUSE: "配偶", SON: "儿子", DAUGHTER: "女儿", DAUGHTER_IN_LAW: "儿媳", SON_IN_LAW: "女婿",
  GRANDSON: "孙子", GRANDDAUGHTER: "孙女", FATHER: "父亲", MOTHER: "母亲", SIBLING: "兄弟姐妹", OTHER: "其他",
};
export const STATUS_LABELS = { ACTIVE: "在册", MOVED_OUT: "迁出", INACTIVE: "注销" } as const;
export const GENDER_LABELS = { MALE: "男", FEMALE: "女" } as const;

const fromLabel = <K extends string>(labels: Record<K, string>) =>
  new Map(Object.entries(labels).map(([key, label]) => [label as string, key as K]));
const relationByLabel = fromLabel(RELATION_LABELS);
const statusByLabel = fromLabel(STATUS_LABELS);
const genderByLabel = fromLabel(GENDER_LABELS);

const problem = (key: string) => ({ error: `householdImport.problem.${key}` });
const text = textSchema({ controlError: problem("controlCharacters").error });
const name = (required: string) => text.min(1, problem(required)).max(30, problem("nameTooLong"));

/** "2019-03-05", "2019/3/5", "2019.3.5" or "2019年3月5日" → "2019-03-05"; anything else unchanged. */
export function normalizeDay(raw: string): string {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(raw.trim());
  return m ? `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}` : raw.trim();
}

// A day that exists. (Built on Date, "2026-13-01" threw a RangeError that failed the whole import with a 500.)
const isRealDay = (day: string) => z.iso.date().safeParse(day).success;

/** One data row of the file, every cell as text. Village-dependent checks come later. */
export const ImportRowSchema = z.object({
  archiveNo: text.toUpperCase(),
  headName: name("headNameRequired"),
  group: text.max(30, problem("groupUnknown")),
  address: text.min(1, problem("addressRequired")).max(100, problem("addressTooLong")),
  phone: text.transform(normalizePhone).refine((v) => v === "" || isValidPhone(v), problem("phoneFormat")),
  registeredOn: text.transform(normalizeDay)
    .refine((d) => d === "" || (isRealDay(d) && d >= "1950-01-01" && d <= chinaToday(new Date())), problem("dateFormat")),
  status: text.refine((s) => s === "" || statusByLabel.has(s), problem("statusValue"))
    .transform((s) => statusByLabel.get(s) ?? "ACTIVE"),
  memberName: name("memberNameRequired"),
  relation: text.refine((r) => relationByLabel.has(r), problem("relationValue"))
    .transform((r) => relationByLabel.get(r) as MemberRelation),
  gender: text.refine((g) => g === "" || genderByLabel.has(g), problem("genderValue"))
    .transform((g) => genderByLabel.get(g) ?? null),
  birthYear: text.refine((y) => /^\d{4}$/.test(y) && Number(y) >= 1900 && y <= chinaToday(new Date()).slice(0, 4), problem("birthYear"))
    .transform(Number),
});
export type ImportRow = z.infer<typeof ImportRowSchema>;

// The proxy (proxy.ts) buffers request bodies up to 10 MB; 8 MB leaves room for the form around
// the file. The whole town's 13,600 households are 4.3 MB as CSV, 2.3 MB as XLSX.
export const IMPORT_MAX_BYTES = 8 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 100_000;

export const ImportQuerySchema = z.object({
  dryRun: z.stringbool().default(true).describe("true: only check the file and report; false: check again and import"),
});

export const ImportFormSchema = z.object({
  file: z.file({ error: "validation.importFileRequired" })
    .max(IMPORT_MAX_BYTES, { error: "validation.importFileTooLarge" })
    .describe("The .xlsx or .csv file, laid out as the template (GET /villages/{id}/households/template)"),
});

export const ImportProblemSchema = z.object({
  row: z.int().describe("Row of the spreadsheet (the column names are row 1); 0 for the file as a whole"),
  column: z.string().describe("The column's name as in the file, empty for a whole row or the file"),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblemSchema>;

export const ImportReportSchema = z.object({
  dryRun: z.boolean(),
  imported: z.boolean(),
  fileName: z.string(),
  sha256: z.string(),
  rows: z.int().describe("Data rows read (blank rows skipped)"),
  newHouseholds: z.int(),
  newMembers: z.int(),
  unchangedHouseholds: z.int().describe("Already in the archive exactly as in the file; left alone"),
  problems: z.array(ImportProblemSchema),
  archiveNos: z.object({ first: z.string(), last: z.string() }).nullable().describe("Range given to new households"),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

export const TemplateQuerySchema = z.object({ format: z.enum(["xlsx", "csv"]).default("xlsx") });
export const FileResponseSchema = z.file().describe("The file");
