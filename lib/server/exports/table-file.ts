import "server-only";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { XLSX_TYPE } from "@/lib/schemas/exports";
import { CSV_TYPE } from "@/lib/server/households/import/workbook";

// A table as a download, in the two formats a village office opens: the headers are the ones the
// page shows, in the caller's language; the rows are plain text and numbers.
export type ExportFormat = "xlsx" | "csv";
export type TableColumn = { header: string; width?: number; text?: boolean };
export type TableCell = string | number;
export type TableFile = { bytes: Uint8Array; fileName: string; contentType: string };

export async function buildTableFile(
  format: ExportFormat,
  sheetName: string,
  columns: TableColumn[],
  rows: TableCell[][],
  baseName: string,
): Promise<TableFile> {
  if (format === "csv") return { bytes: buildTableCsv(columns, rows), fileName: `${baseName}.csv`, contentType: CSV_TYPE };
  return { bytes: await buildTableWorkbook(sheetName, columns, rows), fileName: `${baseName}.xlsx`, contentType: XLSX_TYPE };
}

export async function buildTableWorkbook(sheetName: string, columns: TableColumn[], rows: TableCell[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  // Text columns keep archive numbers and dates as typed instead of Excel's guesses.
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 12, ...(c.text && { style: { numFmt: "@" } }) }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRows(rows);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * UTF-8 with a byte order mark, which Excel needs to read Chinese from a CSV file. Text typed by
 * users that starts like a formula (=, +, -, @) is quoted so that Excel shows it instead of running it.
 */
export function buildTableCsv(columns: TableColumn[], rows: TableCell[][]): Uint8Array {
  const text = Papa.unparse({ fields: columns.map((c) => c.header), data: rows }, { newline: "\r\n", escapeFormulae: true })
    .replace(/(\r\n)*$/, "\r\n");
  return new TextEncoder().encode(`\uFEFF${text}`);
}
