import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { largeInputClass } from "@/components/ui/field";

type Village = { id: string; name: string; township: { name: string } };

/**
 * Township staff and administrators look at one village at a time: a GET form to `action` with
 * `villageId`. Its texts come from the page's namespace (`title`, optional `intro`,
 * `chooseVillage`, `show`).
 */
export function VillageChooser({ villages, action, namespace }: { villages: Village[]; action: string; namespace: "entries.list" | "ruleSets" }) {
  const t = useTranslations(namespace);
  return (
    <form method="get" action={action} className="max-w-md space-y-3">
      <h1 className="text-xl font-bold sm:text-2xl">{t("title")}</h1>
      {t.has("intro") ? <p className="text-stone-600">{t("intro")}</p> : null}
      <label htmlFor="village" className="block font-medium">{t("chooseVillage")}</label>
      <select id="village" name="villageId" required className={largeInputClass}>
        {villages.map((v) => <option key={v.id} value={v.id}>{v.township.name} {v.name}</option>)}
      </select>
      <button type="submit" className={buttonClass({ size: "lg" })}>{t("show")}</button>
    </form>
  );
}
