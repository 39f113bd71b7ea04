import { useTranslations } from "next-intl";

type Village = { id: string; name: string; township: { name: string } };

/** Township staff and administrators look at one village's rules at a time. */
export function RuleSetVillageChooser({ villages }: { villages: Village[] }) {
  const t = useTranslations("ruleSets");
  return (
    <form method="get" action="/rule-sets" className="max-w-md space-y-3">
      <h1 className="text-xl font-bold sm:text-2xl">{t("title")}</h1>
      <p className="text-stone-600">{t("intro")}</p>
      <label htmlFor="village" className="block font-medium">{t("chooseVillage")}</label>
      <select id="village" name="villageId" required className="block min-h-12 w-full rounded-md border border-stone-300 bg-white px-3 text-lg">
        {villages.map((v) => <option key={v.id} value={v.id}>{v.township.name} {v.name}</option>)}
      </select>
      <button type="submit" className="min-h-12 rounded-md bg-red-800 px-6 text-lg font-semibold text-white">{t("show")}</button>
    </form>
  );
}
