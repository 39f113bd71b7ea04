import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/server/authz";
import { listVillages } from "@/lib/server/villages/list-villages";

/** Township staff look at one village's entries at a time. */
export async function VillageChooser({ actor }: { actor: Actor }) {
  const [t, { items }] = await Promise.all([getTranslations("entries.list"), listVillages(actor, { active: true })]);
  return (
    <form method="get" action="/entries" className="max-w-md space-y-3">
      <h1 className="text-xl font-bold sm:text-2xl">{t("title")}</h1>
      <label htmlFor="village" className="block font-medium">{t("chooseVillage")}</label>
      <select id="village" name="villageId" required className="block min-h-12 w-full rounded-md border border-stone-300 bg-white px-3 text-lg">
        {items.map((v) => <option key={v.id} value={v.id}>{v.township.name} {v.name}</option>)}
      </select>
      <button type="submit" className="min-h-12 rounded-md bg-red-800 px-6 text-lg font-semibold text-white">{t("show")}</button>
    </form>
  );
}
