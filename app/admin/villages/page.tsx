import { getTranslations } from "next-intl/server";
import { cardClass } from "@/components/ui/card";
import { townshipOptions } from "@/components/accounts/options";
import { withNotice } from "@/components/ui/with-notice";
import { CreateVillageForm } from "@/components/villages/create-village-form";
import { VillageList } from "@/components/villages/village-list";
import { requireActor } from "@/lib/server/auth/current-actor";
import { listTownshipOptions } from "@/lib/server/villages/list-township-options";
import { listVillages } from "@/lib/server/villages/list-villages";

export async function generateMetadata() {
  const t = await getTranslations("villages");
  return { title: t("title") };
}

export default withNotice(async function VillagesPage() {
    const actor = await requireActor("villages.manage");
    const isAdmin = actor.role === "ADMIN";
    const [t, villages, townships] = await Promise.all([
      getTranslations("villages"),
      listVillages(actor),
      isAdmin ? listTownshipOptions(actor) : Promise.resolve([]),
    ]);
    return (
      <div className="space-y-4">
        <div>
          <h1 className="text-xl font-bold sm:text-2xl">{t("title")}</h1>
          <p className="mt-1 text-sm text-stone-600">{t("intro")}</p>
        </div>
        <VillageList villages={villages.items} showTownship={isAdmin} />
        <section className={`space-y-3 ${cardClass}`}>
          <h2 className="text-lg font-semibold">{t("newTitle")}</h2>
          <CreateVillageForm townships={townshipOptions(townships)} />
        </section>
      </div>
    );
});
