import Link from "next/link";
import { useTranslations } from "next-intl";
import { EmptyState } from "@/components/ui/empty-state";
import type { RuleSetSummary } from "@/lib/schemas/rule-sets";
import { EffectiveDates, InForceBadge, RuleSetStatusBadge } from "./rule-set-badges";

/** A village's versions, newest first; the one in force stands out. `canDraft`: the viewer drafts the first one (the form is above). */
export function RuleSetList({ versions, canDraft }: { versions: RuleSetSummary[]; canDraft: boolean }) {
  const t = useTranslations("ruleSets");
  if (versions.length === 0) return <EmptyState testId="rule-sets-empty" message={t("empty")} hint={t(canDraft ? "emptyHintDraft" : "emptyHintWait")} />;
  return (
    <ul className="space-y-3" data-testid="rule-set-list">
      {versions.map((s) => (
        <li key={s.id} className={`rounded-lg border bg-white p-4 shadow-sm ${s.inForceToday ? "border-red-800" : "border-stone-200"}`}>
          <Link href={`/rule-sets/${s.id}`} className="flex min-h-11 flex-wrap items-center gap-2 text-lg font-semibold text-red-800 underline-offset-2 hover:underline">
            <span>{t("versionTitle", { version: s.version })}</span>
            <span className="text-stone-900">{s.title}</span>
          </Link>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-stone-700">
            <RuleSetStatusBadge status={s.status} />
            {s.inForceToday ? <InForceBadge /> : null}
            <EffectiveDates status={s.status} effectiveFrom={s.effectiveFrom} effectiveTo={s.effectiveTo} />
            <span>{t("ruleCount", { count: s.rules })}</span>
          </p>
          {s.meetingDate ? (
            <p className="mt-1 text-sm text-stone-600">
              {s.tally ? t("meetingWithTally", { date: s.meetingDate, attendees: s.tally.attendees, approve: s.tally.approve, reject: s.tally.reject, abstain: s.tally.abstain }) : t("meetingOn", { date: s.meetingDate })}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
