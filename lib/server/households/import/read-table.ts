import "server-only";
import ExcelJS from "exceljs";
import Papa from "papaparse";

// A spreadsheet as rows of text: rows[i] is row i + 1 of the sheet, as the clerk sees it in
// Excel or WPS, so that a problem can name the row she has to fix.
export type Table = string[][];

export class UnreadableFileError extends Error {}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** Reads an .xlsx (first worksheet) or a .csv file (UTF-8, or GB18030 as Chinese Excel saves it). */
export async function readTable(bytes: Uint8Array): Promise<Table> {
  try {
    return isZip(bytes) ? await readXlsx(bytes) : readCsv(bytes);
  } catch (error) {
    throw new UnreadableFileError(String(error));
  }
}

function readCsv(bytes: Uint8Array): Table {
  if (bytes.includes(0)) throw new Error("binary file");
  const parsed = Papa.parse<string[]>(decodeText(bytes), { skipEmptyLines: false });
  return parsed.data.map((row) => row.map((cell) => cell ?? ""));
}

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

async function readXlsx(bytes: Uint8Array): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  // exceljs declares its own Buffer (an ArrayBuffer); JSZip underneath reads an ArrayBuffer.
  await workbook.xlsx.load(bytes.slice().buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const table: Table = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    table[rowNumber - 1] = Array.from(cells, (c) => c ?? "");
  });
  return Array.from(table, (row) => row ?? []);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== "object") return String(value);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("formula" in value || "sharedFormula" in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ("text" in value) return String(value.text);
  return "";
}
