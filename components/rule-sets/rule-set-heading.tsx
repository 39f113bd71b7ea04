import { useTranslations } from "next-intl";
import { cardClass } from "@/components/ui/card";
import type { RuleSetDetail } from "@/lib/schemas/rule-sets";
import { EffectiveDates, InForceBadge, RuleSetStatusBadge } from "./rule-set-badges";
import { RuleSetDetailsForm } from "./rule-set-details-form";

const READ_ONLY_NOTE = { VOTING: "readOnlyVoting", ADOPTED: "readOnlyAdopted", SUPERSEDED: "readOnlyAdopted", REJECTED: "readOnlyRejected" } as const;

/** Which version this is, whether it is in force, and how the villagers were consulted. */
export function RuleSetHeading({ ruleSet, editable }: { ruleSet: RuleSetDetail; editable: boolean }) {
  const t = useTranslations("ruleSets");
  return (
    <header className={`space-y-3 ${cardClass}`}>
      <p className="text-sm text-stone-600">{ruleSet.village.name} · {t("versionTitle", { version: ruleSet.version })}</p>
      <h1 className="text-xl font-bold sm:text-2xl">{ruleSet.title}</h1>
      <p className="flex flex-wrap items-center gap-2 text-stone-700">
        <RuleSetStatusBadge status={ruleSet.status} />
        {ruleSet.inForceToday ? <InForceBadge /> : null}
        <EffectiveDates status={ruleSet.status} effectiveFrom={ruleSet.effectiveFrom} effectiveTo={ruleSet.effectiveTo} />
      </p>
      {ruleSet.draftedBy ? <p className="text-sm text-stone-600">{t("detail.draftedBy", { name: ruleSet.draftedBy.displayName })}</p> : null}
      <section aria-labelledby="consultation-title" className="space-y-1">
        <h2 id="consultation-title" className="font-semibold">{t("detail.consultation")}</h2>
        <p className="whitespace-pre-line text-stone-800">{ruleSet.consultation ?? t("detail.noConsultation")}</p>
      </section>
      {editable ? <RuleSetDetailsForm ruleSetId={ruleSet.id} title={ruleSet.title} consultation={ruleSet.consultation} /> : null}
      {ruleSet.status !== "DRAFT" ? <p className="rounded-md bg-stone-100 p-3 text-sm text-stone-700">{t(`detail.${READ_ONLY_NOTE[ruleSet.status]}`)}</p> : null}
    </header>
  );
}
