"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { openRuleSetVoteAction } from "@/app/rule-sets/[id]/actions";
import type { RuleSetFormState } from "@/lib/action-state";
import { dayAfter } from "@/lib/domain/entry-date";
import { SubmitButton } from "@/components/ui/button";
import { Field, fieldProps } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { DateField } from "@/components/ui/date-field";

/** Puts a draft to the representative assembly: the meeting day and the proposed effective day. */
export function OpenVoteForm({ ruleSetId, today }: { ruleSetId: string; today: string }) {
  const t = useTranslations("ruleSets.vote");
  const [state, action, pending] = useActionState<RuleSetFormState, FormData>(openRuleSetVoteAction.bind(null, ruleSetId), {});
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-3" data-testid="open-vote">
      <h3 className="text-lg font-semibold">{t("openTitle")}</h3>
      <p className="text-sm text-stone-600">{t("openIntro")}</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="meeting-date" label={t("meetingDate")} error={errors.meetingDate}>
          <DateField {...fieldProps("meeting-date", errors.meetingDate)} name="meetingDate" defaultValue={state.values?.meetingDate ?? today} />
        </Field>
        <Field id="effective-from" label={t("effectiveFrom")} hint={t("effectiveHint")} error={errors.effectiveFrom}>
          <DateField {...fieldProps("effective-from", errors.effectiveFrom, true)} name="effectiveFrom" min={dayAfter(today)}
            defaultValue={state.values?.effectiveFrom} />
        </Field>
      </div>
      <FormStatus state={state} />
      <SubmitButton pending={pending} label={t("open")} pendingLabel={t("opening")} />
    </form>
  );
}
