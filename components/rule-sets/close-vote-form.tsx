"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { closeRuleSetVoteAction } from "@/app/rule-sets/[id]/actions";
import { SubmitButton } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import type { RuleSetFormState } from "@/lib/action-state";

/** Counts the ballots: adopted or rejected, or — short of a quorum — refused with how many more must vote. */
export function CloseVoteForm({ ruleSetId, villageId }: { ruleSetId: string; villageId: string }) {
  const t = useTranslations("ruleSets.vote");
  const [state, action, pending] = useActionState<RuleSetFormState, FormData>(closeRuleSetVoteAction.bind(null, ruleSetId, villageId), {});
  return (
    <form action={action} className="space-y-3" data-testid="close-vote">
      <h3 className="text-lg font-semibold">{t("closeTitle")}</h3>
      <p className="text-sm text-stone-600">{t("closeIntro")}</p>
      <FormStatus state={state} />
      <SubmitButton pending={pending} label={t("close")} pendingLabel={t("closing")} tone="dark" />
    </form>
  );
}
