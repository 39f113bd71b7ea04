import { getTranslations } from "next-intl/server";

type Change = { key: string; before: string; after: string };

const MAX_SHOWN = 4;
const MAX_VALUE = 60;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function short(value: unknown): string {
  if (value === undefined) return "—";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

/** The top-level fields that differ between before and after (all of them for a create). */
export function changedFields(before: unknown, after: unknown): Change[] {
  if (!isRecord(before) && !isRecord(after)) {
    return before == null && after == null ? [] : [{ key: "", before: short(before ?? undefined), after: short(after ?? undefined) }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .filter((key) => JSON.stringify(b[key]) !== JSON.stringify(a[key]))
    .map((key) => ({ key, before: short(b[key]), after: short(a[key]) }));
}

export async function AuditChange({ before, after }: { before: unknown; after: unknown }) {
  const t = await getTranslations("audit");
  const changes = changedFields(before, after);
  if (changes.length === 0 && before == null && after == null) return <span className="text-stone-400">—</span>;
  return (
    <div className="min-w-0 space-y-1 text-xs">
      <ul className="space-y-0.5 font-mono">
        {changes.slice(0, MAX_SHOWN).map((c) => (
          <li key={c.key} className="break-all">
            {c.key ? <span className="text-stone-500">{c.key}: </span> : null}
            <span className="text-red-700 line-through decoration-red-300">{c.before}</span>
            {" → "}
            <span className="text-green-800">{c.after}</span>
          </li>
        ))}
      </ul>
      <details>
        <summary className="flex min-h-11 cursor-pointer items-center text-sm text-red-800 sm:min-h-8">
          {changes.length > MAX_SHOWN ? t("moreChanges", { count: changes.length - MAX_SHOWN }) : t("showJson")}
        </summary>
        <div className="grid gap-2 sm:grid-cols-2">
          {(["before", "after"] as const).map((side) => (
            <div key={side}>
              <p className="font-medium text-stone-600">{t(side)}</p>
              <pre className="max-h-64 overflow-auto rounded bg-stone-100 p-2 whitespace-pre-wrap break-all">
                {JSON.stringify(side === "before" ? before : after, null, 2) ?? "null"}
              </pre>
            </div>
          ))}
        </div>
      </details>
    </div>
  );
}
