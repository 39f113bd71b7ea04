import { getFormatter, getTranslations } from "next-intl/server";
import { CategoryBadge, StatusBadge } from "@/components/entries/entry-badges";
import { EntrySummary } from "@/components/entries/entry-summary";
import { EmptyState } from "@/components/ui/empty-state";
import type { AppealView } from "@/lib/schemas/appeals";
import { ResolveAppealForm } from "./resolve-appeal-form";

type Props = { items: AppealView[]; canResolve: boolean; homeHouseholdId: string | null; showVillage: boolean };

/** Open appeals, longest waiting first, each with its age; a clerk of the village resolves them here. */
export async function AppealList({ items, canResolve, homeHouseholdId, showVillage }: Props) {
  const [t, format] = await Promise.all([getTranslations("appeals"), getFormatter()]);
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeZone: "Asia/Shanghai" });
  if (items.length === 0) return <EmptyState testId="appeals-empty" message={t("empty")} hint={t(canResolve ? "emptyHintClerk" : "emptyHintTownship")} />;
  return (
    <ul className="space-y-3" data-testid="appeal-list">
      {items.map((item) => (
        <li key={item.id} className="space-y-2 rounded-lg border border-stone-200 bg-white p-3 shadow-sm" data-appeal-id={item.id}>
          <div className="flex flex-wrap items-center gap-2">
            <span className={`rounded px-2 py-0.5 text-sm font-semibold ${item.ageDays >= 30 ? "bg-red-100 text-red-900" : "bg-amber-100 text-amber-900"}`} data-testid="appeal-age">
              {t("age", { days: item.ageDays })}
            </span>
            <CategoryBadge category={item.entry.category} />
            <StatusBadge status={item.entry.status} />
            {showVillage ? <span className="text-sm text-stone-600">{item.village.name}</span> : null}
          </div>
          <EntrySummary household={item.household} entry={item.entry} />
          <div className="rounded-md bg-stone-50 p-2">
            <p className="text-sm text-stone-600">{t("lodged", { date: when(item.createdAt) })}</p>
            <p className="whitespace-pre-line text-stone-800">{item.reason}</p>
          </div>
          {!canResolve ? null : item.household.id === homeHouseholdId ? (
            <p className="rounded-md bg-amber-50 p-3 text-amber-900">{t("recused")}</p>
          ) : (
            <ResolveAppealForm appealId={item.id} />
          )}
        </li>
      ))}
    </ul>
  );
}
