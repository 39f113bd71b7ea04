import "server-only";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { IMPORT_COLUMN_KEYS, IMPORT_COLUMNS, type ImportColumn } from "@/lib/schemas/household-import";

// Writes the import layout: the export is a file the import takes back unchanged.
export const CSV_TYPE = "text/csv; charset=utf-8";
export type FileRow = Record<ImportColumn, string | number>;

const WIDTHS: Record<ImportColumn, number> = {
  archiveNo: 16, headName: 10, group: 14, address: 28, phone: 15, registeredOn: 12, status: 8,
  memberName: 10, relation: 11, gender: 6, birthYear: 9,
};
// Typed as text, so that Excel keeps leading zeros and does not turn phone numbers into 1.38E+10.
const TEXT_COLUMNS: readonly ImportColumn[] = ["archiveNo", "phone", "registeredOn"];

/** The data sheet first (the import reads the first sheet), then an optional sheet of notes. */
export async function buildWorkbook(sheetName: string, rows: FileRow[], notes?: { title: string; lines: string[] }): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = IMPORT_COLUMN_KEYS.map((key) => ({
    header: IMPORT_COLUMNS[key], key, width: WIDTHS[key], ...(TEXT_COLUMNS.includes(key) && { style: { numFmt: "@" } }),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRows(rows);
  if (notes) {
    const help = workbook.addWorksheet(notes.title);
    help.getColumn(1).width = 110;
    for (const line of notes.lines) help.addRow([line]);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** UTF-8 with a byte order mark, which Excel needs to read Chinese from a CSV file. */
export function buildCsv(rows: FileRow[]): Uint8Array {
  const fields = IMPORT_COLUMN_KEYS.map((key) => IMPORT_COLUMNS[key]);
  const data = rows.map((row) => IMPORT_COLUMN_KEYS.map((key) => String(row[key])));
  const text = Papa.unparse({ fields, data }, { newline: "\r\n" }).replace(/(\r\n)*$/, "\r\n");
  return new TextEncoder().encode(`\uFEFF${text}`);
}

/** A download: the file name may be Chinese (RFC 6266 filename*). */
export function fileResponse(bytes: Uint8Array, fileName: string, contentType: string): Response {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(bytes as BodyInit, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": "no-store",
    },
  });
}
