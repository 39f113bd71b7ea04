import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Field, fieldProps, inputClass } from "@/components/ui/field";
import type { RuleView } from "@/lib/schemas/entries";

type Option = { value: string; label: string };
type Props = {
  values: Record<string, string>;
  errors: Record<string, string>;
  quarters: Option[];
  rules: RuleView[];
  villageId: string | null;
};

const STATUSES = ["PENDING", "CONFIRMED", "REJECTED", "VOIDED", "RECTIFIED"] as const;
const CATEGORIES = ["RED", "YELLOW", "BLACK"] as const;

/** A plain GET form: the filters live in the URL, so a filtered list can be bookmarked and shared. */
export async function EntryFilters({ values, errors, quarters, rules, villageId }: Props) {
  const t = await getTranslations("entries");
  const select = (name: string, options: Option[]) => (
    <Field id={`filter-${name}`} label={t(`filter.${name}` as never)} error={errors[name]}>
      <select {...fieldProps(`filter-${name}`, errors[name])} name={name} defaultValue={values[name] ?? ""} className={inputClass}>
        <option value="">{t("filter.all")}</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </Field>
  );
  return (
    <form method="get" action="/entries" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
      {villageId ? <input type="hidden" name="villageId" value={villageId} /> : null}
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-5">
        {select("quarter", quarters)}
        {select("status", STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })))}
        {select("category", CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) })))}
        {select("ruleId", rules.map((r) => ({ value: r.id, label: `${r.code} ${r.title}` })))}
        <div className="col-span-2 lg:col-span-1">
          <Field id="filter-archiveNo" label={t("filter.archiveNo")} error={errors.archiveNo}>
            <input {...fieldProps("filter-archiveNo", errors.archiveNo)} name="archiveNo" defaultValue={values.archiveNo ?? ""} placeholder="JS-XH-00001"
              className={inputClass} />
          </Field>
        </div>
      </div>
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={buttonClass({ size: "lg" })}>{t("filter.apply")}</button>
        <Link href={villageId ? `/entries?villageId=${villageId}` : "/entries"} className={buttonClass({ tone: "plain", size: "lg" })}>
          {t("filter.reset")}
        </Link>
      </div>
    </form>
  );
}
