"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createHouseholdAction } from "@/app/households/actions";
import { SubmitButton } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";
import { Field, fieldProps, inputClass } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import type { HouseholdFormState } from "@/lib/action-state";
import { DateField } from "@/components/ui/date-field";
import { GenderSelect, GroupSelect, type GroupOption } from "./household-fields";

export function CreateHouseholdForm({ groups, today }: { groups: GroupOption[]; today: string }) {
  const t = useTranslations("households");
  const [state, action, pending] = useActionState<HouseholdFormState, FormData>(createHouseholdAction, {});
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className={`space-y-4 ${cardClass}`} data-testid="create-household-form" key={JSON.stringify(values)}>
      <Field id="new-head-name" label={t("field.headName")} error={errors.headName}>
        <input {...fieldProps("new-head-name", errors.headName)} name="headName" required maxLength={30} autoComplete="off"
          defaultValue={values.headName ?? ""} className={inputClass} />
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <Field id="new-head-gender" label={t("field.headGender")} error={errors.headGender}>
          <GenderSelect id="new-head-gender" name="headGender" defaultValue={values.headGender ?? ""} />
        </Field>
        <Field id="new-head-birth" label={t("field.headBirthYear")} hint={t("hint.birthYear")} error={errors.headBirthYear}>
          <input {...fieldProps("new-head-birth", errors.headBirthYear, true)} name="headBirthYear" required inputMode="numeric"
            pattern="[0-9]{4}" maxLength={4} defaultValue={values.headBirthYear ?? ""} className={inputClass} />
        </Field>
      </div>
      <Field id="new-group" label={t("field.group")} error={errors.groupId}>
        <GroupSelect id="new-group" groups={groups} defaultValue={values.groupId ?? ""} />
      </Field>
      <Field id="new-address" label={t("field.address")} error={errors.address}>
        <input {...fieldProps("new-address", errors.address)} name="address" required maxLength={100} defaultValue={values.address ?? ""} className={inputClass} />
      </Field>
      <Field id="new-phone" label={t("field.phone")} hint={t("hint.phone")} error={errors.phone}>
        <input {...fieldProps("new-phone", errors.phone, true)} name="phone" type="tel" inputMode="tel" autoComplete="off"
          defaultValue={values.phone ?? ""} className={inputClass} />
      </Field>
      <Field id="new-registered" label={t("field.registeredOn")} hint={t("hint.registeredOn")} error={errors.registeredOn}>
        <DateField {...fieldProps("new-registered", errors.registeredOn, true)} name="registeredOn" max={today}
          defaultValue={values.registeredOn ?? today} />
      </Field>
      <FormStatus state={state} />
      <SubmitButton pending={pending} label={t("new.submit")} pendingLabel={t("new.submitting")} />
    </form>
  );
}
