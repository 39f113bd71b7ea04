import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { largeInputClass } from "@/components/ui/field";
import { SelectionFilterSchema, type SelectionQuery } from "@/lib/schemas/selection";

type Props = { query: SelectionQuery; years: number[]; villages: { id: string; name: string }[] | null };

/** Year (past years included), village for township staff, filter and search: a GET form. */
export async function SelectionFilters({ query, years, villages }: Props) {
  const t = await getTranslations("selection");
  return (
    <form method="get" action="/selection" className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-2" data-testid="selection-filters">
      <label className="block">
        <span className="mb-1 block font-medium">{t("yearLabel")}</span>
        <select name="year" defaultValue={query.year} className={largeInputClass}>
          {years.map((year) => <option key={year} value={year}>{t("yearOption", { year })}</option>)}
        </select>
      </label>
      {villages ? (
        <label className="block">
          <span className="mb-1 block font-medium">{t("villageLabel")}</span>
          <select name="villageId" defaultValue={query.villageId ?? ""} className={largeInputClass}>
            <option value="">{t("allVillages")}</option>
            {villages.map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
          </select>
        </label>
      ) : null}
      <label className="block">
        <span className="mb-1 block font-medium">{t("filterLabel")}</span>
        <select name="filter" defaultValue={query.filter} className={largeInputClass}>
          {SelectionFilterSchema.options.map((f) => <option key={f} value={f}>{t(`filter.${f}`)}</option>)}
        </select>
      </label>
      <label className="block">
        <span className="mb-1 block font-medium">{t("searchLabel")}</span>
        <input type="search" name="q" defaultValue={query.q} maxLength={50} className={largeInputClass} />
      </label>
      <div className="sm:col-span-2">
        <button type="submit" className={buttonClass({ size: "lg", width: "phone" })}>{t("show")}</button>
      </div>
    </form>
  );
}
