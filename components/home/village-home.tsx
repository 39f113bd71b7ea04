import { getTranslations } from "next-intl/server";
import { VillageTotalsTable } from "@/components/township/village-totals-table";
import type { Actor } from "@/lib/server/authz";
import type { VillageHomeData } from "@/lib/server/home/load-village-home";
import { ReviewPanel } from "./review-panel";

/** The home of a clerk or representative: what waits on the quarterly review, then the village's totals. */
export async function VillageHome({ actor, home }: { actor: Actor; home: VillageHomeData }) {
  const t = await getTranslations();
  const { village, totals, reviews } = home;
  return (
    <div className="space-y-4" data-testid="village-home">
      <div>
        <p className="text-sm text-stone-600">{t("home.greeting", { name: actor.displayName, role: t(`roles.${actor.role}`) })}</p>
        <h1 className="text-xl font-bold sm:text-2xl">{t("home.villageTitle", { township: village.township.name, village: village.name })}</h1>
      </div>
      <ReviewPanel reviews={reviews} isClerk={actor.role === "CLERK"} />
      <VillageTotalsTable villages={[totals]} />
      <p className="text-xs leading-relaxed text-stone-500">{t("overview.legend")}</p>
    </div>
  );
}
