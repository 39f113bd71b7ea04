"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { deactivateMemberAction } from "@/app/households/actions";
import { SubmitButton } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import type { HouseholdFormState } from "@/lib/action-state";
import { ReasonField } from "./reason-field";

export function DeactivateMemberForm({ memberId }: { memberId: string }) {
  const t = useTranslations("households.detail");
  const [state, action, pending] = useActionState<HouseholdFormState, FormData>(deactivateMemberAction.bind(null, memberId), {});
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-3" data-testid="member-deactivate-form">
      <p className="text-sm text-stone-600">{t("deactivateHint")}</p>
      <ReasonField id={`${memberId}-leave-reason`} error={errors.reason} defaultValue={state.values?.reason} />
      <FormStatus state={state} />
      <SubmitButton pending={pending} label={t("deactivateSubmit")} pendingLabel={t("saving")} tone="dark" />
    </form>
  );
}
