import { getFormatter, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import type { VillageOutput } from "@/lib/schemas/villages";
import { EditVillageForm } from "./edit-village-form";

/** The villages with their codes and households; each opens to an edit form. */
export async function VillageList({ villages, showTownship }: { villages: VillageOutput[]; showTownship: boolean }) {
  const [t, format] = await Promise.all([getTranslations("villages"), getFormatter()]);
  // Only the villages page shows this list, with the form to add one below it.
  if (villages.length === 0) return <EmptyState testId="villages-empty" message={t("none")} hint={t("noneHint")} />;
  return (
    <ul className="space-y-2" data-testid="village-list">
      {villages.map((v) => (
        <li key={v.id} className="rounded-lg border border-stone-200 bg-white p-3 shadow-sm" data-testid="village-item" data-code={v.code}>
          <details>
            <summary className="flex min-h-11 cursor-pointer list-none flex-wrap items-center gap-x-3 gap-y-1 [&::-webkit-details-marker]:hidden">
              <span className="font-semibold">{v.name}</span>
              <span className="font-mono text-sm text-stone-600">{v.code}</span>
              <span className="text-sm text-stone-600">{t(`kind${v.kind}`)}</span>
              {showTownship ? <span className="text-sm text-stone-600">{v.township.name}</span> : null}
              <span className="text-sm text-stone-600">{t("households", { count: format.number(v.households) })}</span>
              {v.active ? null : <span className="rounded bg-stone-700 px-2 py-0.5 text-xs text-white">{t("inactive")}</span>}
              <span className="ml-auto text-sm text-red-800 underline">{t("edit")}</span>
            </summary>
            <EditVillageForm village={v} />
          </details>
        </li>
      ))}
    </ul>
  );
}
