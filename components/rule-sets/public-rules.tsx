import { useTranslations } from "next-intl";
import { cardClass } from "@/components/ui/card";
import type { PublicRules as PublicRulesView } from "@/lib/schemas/rule-sets";
import { RuleCard } from "./rule-card";
import { RuleGroups } from "./rule-groups";

/**
 * The village rules as posted for every villager: what is in force, since when, and how the
 * representative assembly adopted it (meeting date, roster and attendance, the votes) — the
 * counts only, never who voted how.
 */
export function PublicRules({ rules }: { rules: PublicRulesView }) {
  const t = useTranslations("publicRules");
  const { village, ruleSet, upcoming } = rules;
  const adoption = ruleSet?.adoption;
  return (
    <article className="mx-auto max-w-3xl space-y-4" data-testid="public-rules">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{t("title", { village: village.name })}</h1>
        <p className="text-stone-700">{t("intro", { county: village.county, township: village.township, village: village.name })}</p>
      </header>
      {upcoming ? <p className="rounded-md bg-amber-50 p-3 text-amber-900">{t("upcoming", { version: upcoming.version, date: upcoming.effectiveFrom })}</p> : null}
      {!ruleSet ? <p className="rounded-md bg-stone-100 p-3">{t("none")}</p> : (
        <>
          <section aria-labelledby="adoption-title" className={`space-y-2 ${cardClass}`}>
            <h2 id="adoption-title" className="text-lg font-semibold">{t("current", { version: ruleSet.version, title: ruleSet.title })}</h2>
            <p className="font-medium">{t("since", { date: ruleSet.effectiveFrom })}</p>
            {adoption ? (
              <dl className="space-y-1" data-testid="adoption">
                <dt className="font-medium">{t("adopted", { date: adoption.meetingDate })}</dt>
                <dd>{t("attendance", { roster: adoption.representativesTotal, attendees: adoption.attendees })}</dd>
                <dd>{t("votes", { approve: adoption.approve, reject: adoption.reject, abstain: adoption.abstain })}</dd>
              </dl>
            ) : null}
            <p className="text-sm text-stone-600">{t("voteRule")}</p>
            {ruleSet.consultation ? (
              <div className="space-y-1">
                <h3 className="font-semibold">{t("consultation")}</h3>
                <p className="whitespace-pre-line text-stone-800">{ruleSet.consultation}</p>
              </div>
            ) : null}
          </section>
          <RuleGroups rules={rules.rules} intro={(category) => t(`categoryIntro.${category}`)} render={(rule) => <RuleCard key={rule.code} rule={rule} />} />
        </>
      )}
      <p className="text-sm text-stone-500">{t("asOf", { date: rules.date })}</p>
    </article>
  );
}
