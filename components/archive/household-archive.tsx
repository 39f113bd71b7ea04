import { getTranslations } from "next-intl/server";
import { HouseholdExtracts } from "@/components/extracts/household-extracts";
import { HouseholdAwards } from "@/components/selection/household-awards";
import { getHouseholdArchive } from "@/lib/server/archive/get-household-archive";
import { can, type Actor } from "@/lib/server/authz";
import { ArchiveTimeline } from "./archive-timeline";
import { EligibilityBox } from "./eligibility-box";
import { ScoreCards } from "./score-cards";

/**
 * A household's archive as the household itself, or a clerk of its village, reads it: the
 * score, whether it can be selected as a civilized family this year and why not, and every
 * entry with what can still be done about it.
 */
export async function HouseholdArchive({ actor, householdId }: { actor: Actor; householdId: string }) {
  const [archive, t] = await Promise.all([getHouseholdArchive(actor, householdId), getTranslations("archive")]);
  const allowed = { rectify: can(actor, "rectifications.request"), appeal: can(actor, "appeals.lodge") };
  const isOwn = actor.role === "HOUSEHOLD";
  return (
    <section className="space-y-4" aria-labelledby="archive-title" data-testid="household-archive">
      <h2 id="archive-title" className="text-lg font-bold sm:text-xl">{isOwn ? t("titleOwn") : t("title")}</h2>
      <ScoreCards archive={archive} />
      <HouseholdAwards awards={archive.awards} />
      <EligibilityBox eligibility={archive.eligibility} isOwn={isOwn} canRectify={allowed.rectify} />
      <ArchiveTimeline entries={archive.entries} allowed={allowed} />
      <HouseholdExtracts actor={actor} householdId={householdId} />
    </section>
  );
}
