"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { updateHouseholdAction } from "@/app/households/actions";
import { SubmitButton } from "@/components/ui/button";
import { Field, fieldProps, inputClass } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import type { HouseholdFormState } from "@/lib/action-state";
import type { HouseholdOutput } from "@/lib/schemas/households";
import { GroupSelect, type GroupOption } from "./household-fields";
import { ReasonField } from "./reason-field";

export function HouseholdEditForm({ household, groups }: { household: HouseholdOutput; groups: GroupOption[] }) {
  const t = useTranslations("households");
  const [state, action, pending] = useActionState<HouseholdFormState, FormData>(updateHouseholdAction.bind(null, household.id), {});
  const values = state.ok ? {} : (state.values ?? {});
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-3" data-testid="household-edit-form" key={JSON.stringify(values)}>
      <Field id="edit-head-name" label={t("field.headName")} error={errors.headName}>
        <input {...fieldProps("edit-head-name", errors.headName)} name="headName" required maxLength={30}
          defaultValue={values.headName ?? household.headName} className={inputClass} />
      </Field>
      <Field id="edit-group" label={t("field.group")} error={errors.groupId}>
        <GroupSelect id="edit-group" groups={groups} defaultValue={values.groupId ?? household.group?.id ?? ""} />
      </Field>
      <Field id="edit-address" label={t("field.address")} error={errors.address}>
        <input {...fieldProps("edit-address", errors.address)} name="address" required maxLength={100}
          defaultValue={values.address ?? household.address} className={inputClass} />
      </Field>
      <Field id="edit-phone" label={t("field.phone")} hint={t("hint.phone")} error={errors.phone}>
        <input {...fieldProps("edit-phone", errors.phone, true)} name="phone" type="tel" inputMode="tel"
          defaultValue={values.phone ?? household.phone ?? ""} className={inputClass} />
      </Field>
      <ReasonField id="edit-reason" error={errors.reason} defaultValue={values.reason} />
      <FormStatus state={state} success={t("detail.saved")} />
      <SubmitButton pending={pending} label={t("detail.save")} pendingLabel={t("detail.saving")} />
    </form>
  );
}
