import { getFormatter, getTranslations } from "next-intl/server";
import type { AuditRecordView } from "@/lib/schemas/audit-log";
import { AuditChange } from "./audit-change";

// One markup for both layouts: a table from `sm` up, a stack of cards on phones, where each
// cell carries its own label.
const cell = "block px-0 py-0.5 sm:table-cell sm:px-3 sm:py-2 sm:align-top";
const label = "mr-2 text-xs text-stone-500 sm:hidden";

export async function AuditLogList({ records }: { records: AuditRecordView[] }) {
  const [t, format] = await Promise.all([getTranslations("audit"), getFormatter()]);
  if (records.length === 0) return <p className="text-stone-600">{t("empty")}</p>;
  const columns = ["time", "actor", "action", "target", "change", "source"] as const;
  return (
    <table className="block w-full text-sm sm:table sm:rounded-lg sm:border sm:border-stone-200 sm:bg-white sm:shadow-sm" data-testid="audit-log">
      <thead className="hidden bg-stone-100 text-left text-stone-600 sm:table-header-group">
        <tr>{columns.map((c) => <th key={c} scope="col" className="px-3 py-2 font-medium">{t(`column.${c}`)}</th>)}</tr>
      </thead>
      <tbody className="block space-y-3 sm:table-row-group sm:space-y-0">
        {records.map((r) => (
          <tr key={r.id} data-testid="audit-row" className="block rounded-lg border border-stone-200 bg-white p-3 shadow-sm sm:table-row sm:rounded-none sm:border-0 sm:border-t sm:p-0 sm:shadow-none">
            <td className={`${cell} whitespace-nowrap tabular-nums`}>
              <span className={label}>{t("column.time")}</span>
              <time dateTime={r.createdAt}>{format.dateTime(new Date(r.createdAt), { dateStyle: "short", timeStyle: "medium" })}</time>
            </td>
            <td className={cell}>
              <span className={label}>{t("column.actor")}</span>
              {r.actor ? (
                <span>{r.actor.displayName} <span className="text-stone-500">({r.actor.username})</span></span>
              ) : (
                <span className="text-stone-500">{t("noActor")}</span>
              )}
            </td>
            <td className={`${cell} font-mono break-all`}>
              <span className={`${label} font-sans`}>{t("column.action")}</span>
              {r.action}
            </td>
            <td className={`${cell} break-all`}>
              <span className={label}>{t("column.target")}</span>
              {r.targetType}
              {r.targetId ? <span className="block font-mono text-xs text-stone-500">{r.targetId}</span> : null}
            </td>
            <td className={`${cell} sm:max-w-xs`}>
              <span className={label}>{t("column.change")}</span>
              <AuditChange before={r.before} after={r.after} />
            </td>
            <td className={`${cell} text-xs text-stone-600`}>
              <span className={label}>{t("column.source")}</span>
              <span className="font-mono">{r.ip ?? "—"}</span>
              {r.userAgent ? <span className="block max-w-48 truncate" title={r.userAgent}>{r.userAgent}</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
