import { getTranslations } from "next-intl/server";
import { HouseholdExtracts } from "@/components/extracts/household-extracts";
import { HouseholdAwards } from "@/components/selection/household-awards";
import type { ArchiveSection } from "@/lib/server/archive/load-archive-section";
import { ArchiveTimeline } from "./archive-timeline";
import { EligibilityBox } from "./eligibility-box";
import { ScoreCards } from "./score-cards";

/**
 * A household's archive as the household itself, or a clerk of its village, reads it: the
 * score, whether it can be selected as a civilized family this year and why not, and every
 * entry with what can still be done about it. The page's loader reads it (lib/server/archive/load-archive-section.ts).
 */
export async function HouseholdArchiveSection({ section }: { section: ArchiveSection }) {
  const { archive, isOwn, may, extracts } = section;
  const t = await getTranslations("archive");
  return (
    <section className="space-y-4" aria-labelledby="archive-title" data-testid="household-archive">
      <h2 id="archive-title" className="text-lg font-bold sm:text-xl">{isOwn ? t("titleOwn") : t("title")}</h2>
      <ScoreCards archive={archive} />
      <HouseholdAwards awards={archive.awards} />
      <EligibilityBox eligibility={archive.eligibility} isOwn={isOwn} canRectify={may.rectify} />
      <ArchiveTimeline entries={archive.entries} allowed={may} />
      {extracts ? <HouseholdExtracts section={extracts} /> : null}
    </section>
  );
}
