import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";

/** A GET form: the year (and an administrator's township) in the address, so a view can be shared. */
export function YearChooser({ years, year, township }: { years: number[]; year: number; township: string | undefined }) {
  const t = useTranslations("dashboard");
  return (
    <form method="get" action="/township/dashboard" className="flex flex-wrap items-end gap-2" data-testid="year-chooser">
      <div>
        <label htmlFor="year" className="block text-sm font-medium">{t("yearLabel")}</label>
        <select id="year" name="year" defaultValue={String(year)} className="block min-h-12 rounded-md border border-stone-300 bg-white px-3 text-lg">
          {years.map((y) => <option key={y} value={y}>{y}</option>)}
        </select>
      </div>
      {township ? <input type="hidden" name="township" value={township} /> : null}
      <button type="submit" className={buttonClass({ size: "lg" })}>{t("show")}</button>
    </form>
  );
}
