import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";

type Option = { id: string; label: string };
type Props = { values: Record<string, string>; villages: Option[] | null };

const STATUSES = ["ACTIVE", "MOVED_OUT", "INACTIVE"] as const;

/** A GET form: the search lives in the URL, so the back button returns to the same results. */
export async function HouseholdSearchForm({ values, villages }: Props) {
  const t = await getTranslations("households");
  return (
    <form method="get" action="/households" role="search" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
      <Field id="household-q" label={t("searchLabel")} hint={t("searchHint")}>
        <div className="flex gap-2">
          <input id="household-q" name="q" type="search" defaultValue={values.q ?? ""} placeholder={t("searchPlaceholder")}
            autoComplete="off" autoCapitalize="none" spellCheck={false} enterKeyHint="search" aria-describedby="household-q-note"
            className={`${inputClass} min-h-12 text-lg`} data-testid="household-search" />
          <button type="submit" className={`${buttonClass({ size: "lg" })} shrink-0`}>{t("search")}</button>
        </div>
      </Field>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Field id="household-status" label={t("statusFilter")}>
          <select id="household-status" name="status" defaultValue={values.status ?? ""} className={inputClass}>
            <option value="">{t("statusAll")}</option>
            {STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
          </select>
        </Field>
        {villages ? (
          <Field id="household-village" label={t("villageFilter")}>
            <select id="household-village" name="villageId" defaultValue={values.villageId ?? ""} className={inputClass}>
              <option value="">{t("villageAll")}</option>
              {villages.map((v) => <option key={v.id} value={v.id}>{v.label}</option>)}
            </select>
          </Field>
        ) : null}
      </div>
    </form>
  );
}
