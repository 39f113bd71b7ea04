import "server-only";
import type { Locale } from "@/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { IMPORT_COLUMN_KEYS, IMPORT_COLUMNS, type ImportColumn, type ImportProblem } from "@/lib/schemas/household-import";

/**
 * One thing wrong with the file: the spreadsheet row (0 for the file as a whole), the column,
 * and a catalogue key under householdImport.problem with its values.
 */
export type Problem = { row: number; column: ImportColumn | null; key: string; values?: Record<string, string | number> };

export const problemAt = (row: number, column: ImportColumn | null, key: string, values?: Problem["values"]): Problem =>
  ({ row, column, key: key.startsWith("householdImport.") ? key : `householdImport.problem.${key}`, ...(values && { values }) });

/** In the order of the file: by row, then by column from left to right. */
export function sortProblems(problems: Problem[]): Problem[] {
  const order = (c: ImportColumn | null) => (c ? IMPORT_COLUMN_KEYS.indexOf(c) : -1);
  return [...problems].sort((a, b) => a.row - b.row || order(a.column) - order(b.column));
}

/** The column keeps the name it has in the file; the message is in the reader's language. */
export function translateProblems(problems: Problem[], locale: Locale): ImportProblem[] {
  const t = translatorFor(locale);
  return sortProblems(problems).map((p) => ({
    row: p.row,
    column: p.column ? IMPORT_COLUMNS[p.column] : "",
    message: t.has(p.key as never) ? t(p.key as never, p.values as never) : p.key,
  }));
}
