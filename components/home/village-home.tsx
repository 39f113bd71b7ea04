import { getTranslations } from "next-intl/server";
import { VillageTotalsTable } from "@/components/township/village-totals-table";
import type { Actor } from "@/lib/server/authz";
import { getVillageHome } from "@/lib/server/villages/get-village-home";

export async function VillageHome({ actor }: { actor: Actor }) {
  const [{ village, totals }, t] = await Promise.all([getVillageHome(actor), getTranslations()]);
  return (
    <div className="space-y-4" data-testid="village-home">
      <div>
        <p className="text-sm text-stone-600">{t("home.greeting", { name: actor.displayName, role: t(`roles.${actor.role}`) })}</p>
        <h1 className="text-xl font-bold sm:text-2xl">{t("home.villageTitle", { township: village.township.name, village: village.name })}</h1>
      </div>
      <VillageTotalsTable villages={[totals]} />
      <p className="text-xs leading-relaxed text-stone-500">{t("overview.legend")}</p>
    </div>
  );
}
