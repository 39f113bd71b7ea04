"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { castRuleSetBallotAction } from "@/app/rule-sets/[id]/actions";
import { buttonClass, type ButtonStyle } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import type { RuleSetFormState } from "@/lib/action-state";

const DECISIONS: [decision: "APPROVE" | "REJECT" | "ABSTAIN", tone: ButtonStyle["tone"]][] = [
  ["APPROVE", "confirm"],
  ["REJECT", "dark"],
  ["ABSTAIN", "plain"],
];

/** A representative's vote on a phone: three large buttons, one tap each, cast once. */
export function BallotForm({ ruleSetId }: { ruleSetId: string }) {
  const t = useTranslations("ruleSets.vote");
  const [state, action, pending] = useActionState<RuleSetFormState, FormData>(castRuleSetBallotAction.bind(null, ruleSetId), {});
  if (state.ok) return <FormStatus state={state} success={t("cast")} />;
  return (
    <form action={action} className="space-y-3" data-testid="ballot-form">
      <fieldset className="space-y-3" disabled={pending}>
        <legend className="text-lg font-semibold">{t("yourVote")}</legend>
        <div className="grid gap-3 sm:grid-cols-3">
          {DECISIONS.map(([decision, tone]) => (
            <button key={decision} type="submit" name="decision" value={decision} className={buttonClass({ tone, size: "xl", width: "always" })}>
              {pending ? t("casting") : t(`decision.${decision}`)}
            </button>
          ))}
        </div>
      </fieldset>
      <FormStatus state={state} />
    </form>
  );
}
