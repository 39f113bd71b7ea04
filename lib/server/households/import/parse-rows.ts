import "server-only";
import {
  IMPORT_COLUMN_KEYS, IMPORT_COLUMNS, IMPORT_MAX_ROWS, ImportRowSchema, REQUIRED_COLUMNS,
  type ImportColumn, type ImportRow,
} from "@/lib/schemas/household-import";
import { problemAt, type Problem } from "./problems";
import type { Table } from "./read-table";

export type RawRow = Record<ImportColumn, string>;
export type ParsedRow = { row: number; raw: RawRow; value: ImportRow | null };

// "户主姓名*" or "出生年份（四位数字）" still name their column.
const headerName = (cell: string) => cell.replace(/[\s\u3000*＊]/g, "").replace(/[(（].*?[)）]/g, "");
const byName = new Map(IMPORT_COLUMN_KEYS.map((key) => [IMPORT_COLUMNS[key] as string, key]));

/** Which cell holds which column; the header is the first of the first rows naming 成员姓名. */
function findHeader(table: Table): { headerIndex: number; positions: Map<ImportColumn, number> } | null {
  for (let i = 0; i < Math.min(table.length, 10); i++) {
    const positions = new Map<ImportColumn, number>();
    table[i]!.forEach((cell, index) => {
      const key = byName.get(headerName(cell));
      if (key && !positions.has(key)) positions.set(key, index);
    });
    if (positions.has("memberName")) return { headerIndex: i, positions };
  }
  return null;
}

/** Every data row checked on its own, each bad cell reported with its row and column. */
export function parseRows(table: Table): { rows: ParsedRow[]; problems: Problem[] } {
  const header = findHeader(table);
  if (!header) {
    return { rows: [], problems: REQUIRED_COLUMNS.map((column) => problemAt(1, column, "missingColumn")) };
  }
  const missing = REQUIRED_COLUMNS.filter((column) => !header.positions.has(column));
  if (missing.length) return { rows: [], problems: missing.map((column) => problemAt(header.headerIndex + 1, column, "missingColumn")) };
  const rows: ParsedRow[] = [];
  const problems: Problem[] = [];
  for (let i = header.headerIndex + 1; i < table.length; i++) {
    const cells = table[i]!;
    if (cells.every((cell) => !cell.trim())) continue;
    if (rows.length >= IMPORT_MAX_ROWS) return { rows, problems: [problemAt(0, null, "tooManyRows", { max: IMPORT_MAX_ROWS })] };
    const raw = Object.fromEntries(IMPORT_COLUMN_KEYS.map((key) => {
      const position = header.positions.get(key);
      return [key, position === undefined ? "" : (cells[position] ?? "").trim()];
    })) as RawRow;
    const parsed = ImportRowSchema.safeParse(raw);
    rows.push({ row: i + 1, raw, value: parsed.success ? parsed.data : null });
    if (parsed.success) continue;
    const seen = new Set<string>();
    for (const issue of parsed.error.issues) {
      const column = issue.path[0] as ImportColumn;
      if (seen.has(column)) continue;
      seen.add(column);
      problems.push(problemAt(i + 1, column, issue.message));
    }
  }
  if (!rows.length) problems.push(problemAt(0, null, "noRows"));
  return { rows, problems };
}
