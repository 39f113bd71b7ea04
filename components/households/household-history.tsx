import { getFormatter, getTranslations } from "next-intl/server";
import { cardClass } from "@/components/ui/card";
import type { HouseholdHistoryItem } from "@/lib/schemas/households";

type Props = { items: HouseholdHistoryItem[]; groups: Map<string, string>; memberNames: Map<string, string> };

// Fields that say who or where a record belongs rather than what changed.
const HIDDEN = new Set(["householdId", "head", "formerHead", "active"]);
const KNOWN = new Set(["archiveNo", "headName", "groupId", "address", "phone", "status", "registeredOn", "name", "relation", "gender", "birthYear"]);

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The lines of one change: "field: before → after", and a head handed over. */
function changeLines(item: HouseholdHistoryItem, t: Translate, groups: Map<string, string>): string[] {
  const value = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === "") return t("households.history.emptyValue");
    if (field === "status") return t(`households.status.${v}`);
    if (field === "relation") return t(`relations.${v}`);
    if (field === "gender") return t(`households.gender.${v}`);
    if (field === "groupId") return groups.get(String(v)) ?? t("households.noGroup");
    return String(v);
  };
  const fieldKey = (field: string) => `households.field.${field === "groupId" ? "group" : field}`;
  const after = item.after ?? {};
  const lines = Object.keys(after).filter((f) => !HIDDEN.has(f) && KNOWN.has(f)).map((f) =>
    item.before && f in item.before
      ? t("households.history.change", { field: t(fieldKey(f)), before: value(f, item.before[f]), after: value(f, after[f]) })
      : t("households.history.set", { field: t(fieldKey(f)), value: value(f, after[f]) }));
  const former = after.formerHead as { name?: string; relation?: string } | undefined;
  if (former?.name) lines.push(t("households.history.formerHead", { name: former.name, relation: value("relation", former.relation) }));
  return lines;
}

/** The household's change history: who, when, what and why, newest first. */
export async function HouseholdHistory({ items, groups, memberNames }: Props) {
  const [t, root, format] = await Promise.all([getTranslations("households"), getTranslations(), getFormatter()]);
  const translate: Translate = (key, values) => root(key as never, values as never);
  return (
    <section className={`space-y-3 ${cardClass}`} aria-labelledby="history-title">
      <div>
        <h2 id="history-title" className="text-lg font-semibold">{t("history.title")}</h2>
        <p className="text-sm text-stone-600">{t("history.intro")}</p>
      </div>
      {items.length ? (
        <ol className="space-y-3" data-testid="household-history">
          {items.map((item) => (
            <li key={item.id} className="border-l-4 border-stone-300 pl-3">
              <p className="font-medium">
                {root.has(`households.history.action.${item.action}`) ? translate(`households.history.action.${item.action}`) : item.action}
                {item.targetType === "Member" && memberNames.get(item.targetId) ? ` · ${memberNames.get(item.targetId)}` : ""}
              </p>
              <p className="text-sm text-stone-500">
                {t("history.by", { name: item.actor?.displayName ?? t("history.system"), time: format.dateTime(new Date(item.at), { dateStyle: "medium", timeStyle: "short" }) })}
              </p>
              <ul className="text-sm text-stone-700">{changeLines(item, translate, groups).map((line) => <li key={line}>{line}</li>)}</ul>
              {item.reason ? <p className="text-sm">{t("history.reason", { reason: item.reason })}</p> : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-stone-600">{t("history.empty")}</p>
      )}
    </section>
  );
}
