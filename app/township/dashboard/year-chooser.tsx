import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { Field, largeInputClass } from "@/components/ui/field";

/** A GET form: the year (and an administrator's township) in the address, so a view can be shared. */
export function YearChooser({ years, year, township }: { years: number[]; year: number; township: string | undefined }) {
  const t = useTranslations("dashboard");
  return (
    <form method="get" action="/township/dashboard" className="flex flex-wrap items-end gap-2" data-testid="year-chooser">
      <div className="w-32">
        <Field id="year" label={t("yearLabel")}>
          <select id="year" name="year" defaultValue={String(year)} className={largeInputClass}>
            {years.map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </Field>
      </div>
      {township ? <input type="hidden" name="township" value={township} /> : null}
      <button type="submit" className={buttonClass({ size: "lg" })}>{t("show")}</button>
    </form>
  );
}
