"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { setHouseholdStatusAction } from "@/app/households/actions";
import { SubmitButton } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import type { HouseholdFormState } from "@/lib/action-state";
import { HouseholdStatusSchema, type HouseholdOutput } from "@/lib/schemas/households";
import { ReasonField } from "./reason-field";

export function HouseholdStatusForm({ household }: { household: Pick<HouseholdOutput, "id" | "status"> }) {
  const t = useTranslations("households");
  const [state, action, pending] = useActionState<HouseholdFormState, FormData>(setHouseholdStatusAction.bind(null, household.id), {});
  const values = state.ok ? {} : (state.values ?? {});
  const errors = state.fieldErrors ?? {};
  const choices = HouseholdStatusSchema.options.filter((s) => s !== household.status);
  return (
    <form action={action} className="space-y-3" data-testid="household-status-form" key={`${household.status}${JSON.stringify(values)}`}>
      <p className="text-sm text-stone-600">{t("detail.statusHint")}</p>
      <Field id="status-choice" label={t("field.status")} error={errors.status}>
        <select id="status-choice" name="status" required defaultValue={values.status ?? choices[0]} className={inputClass}>
          {choices.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
        </select>
      </Field>
      <ReasonField id="status-reason" error={errors.reason} defaultValue={values.reason} />
      <FormStatus state={state} success={t("detail.saved")} />
      <SubmitButton pending={pending} label={t("detail.statusSubmit")} pendingLabel={t("detail.saving")} tone="dark" />
    </form>
  );
}
