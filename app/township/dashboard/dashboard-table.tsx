import { Fragment } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import type { Cell, TableSpec, Tone } from "@/lib/server/dashboard/dashboard-tables";

const toneClass: Record<Tone, string> = { RED: "text-red-700", YELLOW: "text-amber-800", BLACK: "text-stone-900" };
const cellPad = "px-1.5 py-2 sm:px-3";

/**
 * One dashboard table as defined for its export (lib/server/dashboard/dashboard-tables.ts). A
 * flag column is not a column here: a flagged row gets a badge and, under it, the reason across
 * the whole width, so that the table stays narrow on a phone.
 */
export async function DashboardTable({ table }: { table: TableSpec }) {
  const [t, format] = await Promise.all([getTranslations("dashboard"), getFormatter()]);
  const flagAt = table.columns.findIndex((c) => c.kind === "flag");
  const columns = table.columns.map((c, i) => ({ ...c, i })).filter((c) => c.kind !== "flag");
  const show = (cell: Cell, kind: string) =>
    cell === null || cell === "" ? "—" : typeof cell === "number" ? (kind === "percent" ? `${format.number(cell, { maximumFractionDigits: 1 })}%` : format.number(cell)) : cell;
  const spans = table.grouped ? groupSpans(table.rows) : null;

  const renderRow = (row: Cell[], r: number, footer = false) => {
    const flag = flagAt >= 0 ? row[flagAt] : null;
    return (
      <Fragment key={r}>
        <tr className={footer ? "" : "border-t border-stone-100"} data-testid={footer ? "table-total" : "table-row"} {...(flag ? { "data-flagged": "" } : {})}>
          {columns.map((c, j) => {
            if (j === 0 && spans && spans[r] === 0) return null;
            const text = show(row[c.i] ?? null, c.kind);
            if (j === 0) {
              return (
                <th key={c.i} scope="row" rowSpan={spans?.[r] ?? undefined} className={`${cellPad} whitespace-nowrap text-left align-top font-medium`}>
                  {text}
                  {flag ? <span className="ml-1 inline-block rounded bg-amber-100 px-1.5 text-xs font-semibold text-amber-900">{t("clerks.flagged")}</span> : null}
                </th>
              );
            }
            const numeric = c.kind === "count" || c.kind === "percent";
            return <td key={c.i} className={`${cellPad} whitespace-nowrap ${numeric ? "text-right tabular-nums" : "text-left"} ${c.tone ? toneClass[c.tone] : ""}`}>{text}</td>;
          })}
        </tr>
        {flag ? (
          <tr>
            <td colSpan={columns.length} className="px-1.5 pb-2 text-sm text-amber-900 sm:px-3" data-testid="flag-reason">{flag}</td>
          </tr>
        ) : null}
      </Fragment>
    );
  };

  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white shadow-sm">
      <table className="w-full text-sm sm:text-base" data-testid={`table-${table.key}`}>
        <thead className="bg-stone-100 text-stone-700">
          <tr>
            {columns.map((c) => (
              <th key={c.i} scope="col" className={`${cellPad} align-bottom font-semibold ${c.kind === "count" || c.kind === "percent" ? "text-right" : "text-left"} ${c.tone ? toneClass[c.tone] : ""}`}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{table.rows.map((row, r) => renderRow(row, r))}</tbody>
        {table.totals ? <tfoot className="border-t-2 border-stone-300 bg-stone-50 font-semibold">{renderRow(table.totals, -1, true)}</tfoot> : null}
      </table>
    </div>
  );
}

/** For each row, how many rows its first cell spans (0: covered by the row above). */
function groupSpans(rows: Cell[][]): number[] {
  const spans = rows.map(() => 1);
  let start = 0;
  for (let r = 1; r <= rows.length; r++) {
    if (r < rows.length && rows[r]![0] === rows[start]![0]) {
      spans[start]! += 1;
      spans[r] = 0;
    } else start = r;
  }
  return spans;
}
