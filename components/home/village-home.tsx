import { getTranslations } from "next-intl/server";
import { VillageTotalsTable } from "@/components/township/village-totals-table";
import { can, type Actor } from "@/lib/server/authz";
import type { VillageHomeData } from "@/lib/server/home/load-village-home";
import { ClerkTasks } from "./clerk-tasks";
import { ReviewPanel } from "./review-panel";
import { RuleSetVotes } from "./rule-set-votes";

/**
 * The home of a clerk or representative: what waits for them first (a representative's votes; a
 * council member's recording, review and work list), then the village's totals.
 */
export async function VillageHome({ actor, home }: { actor: Actor; home: VillageHomeData }) {
  const t = await getTranslations();
  const { village, totals, reviews, tasks } = home;
  const isClerk = can(actor, "reviews.manage");
  const votes = tasks.ruleSetVotes;
  // A representative's count of things to do: reviews with entries awaiting their ballot, rule-set votes not cast.
  const waiting = isClerk ? null
    : reviews.items.filter((r) => !r.joinedAfterOpening && !r.myBallotCastAt && (r.awaitingMyVote ?? 0) > 0).length + (votes?.length ?? 0);
  return (
    <div className="space-y-5" data-testid="village-home">
      <div>
        <p className="text-sm text-stone-600">{t("home.greeting", { name: actor.displayName, role: t(`roles.${actor.role}`) })}</p>
        <h1 className="text-xl font-bold sm:text-2xl">{t("home.villageTitle", { township: village.township.name, village: village.name })}</h1>
        {waiting !== null ? (
          <p className={`mt-2 rounded-md p-3 font-semibold ${waiting > 0 ? "bg-red-50 text-red-900" : "bg-green-50 text-green-900"}`} data-testid="home-waiting">
            {waiting > 0 ? t("home.waiting", { count: waiting }) : t("home.nothingWaiting")}
          </p>
        ) : null}
      </div>
      {isClerk ? <ClerkTasks tasks={tasks} canRecord={can(actor, "entries.record")} /> : null}
      <ReviewPanel reviews={reviews} isClerk={isClerk} />
      {votes ? <RuleSetVotes votes={votes} /> : null}
      <section className="space-y-2" aria-labelledby="home-totals-title">
        <h2 id="home-totals-title" className="text-lg font-bold">{t("home.totalsTitle")}</h2>
        <VillageTotalsTable villages={[totals]} />
        <p className="text-xs leading-relaxed text-stone-600">{t("overview.legend")}</p>
      </section>
    </div>
  );
}
