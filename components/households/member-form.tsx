"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { addMemberAction, updateMemberAction } from "@/app/households/actions";
import { SubmitButton } from "@/components/ui/button";
import { Field, fieldProps, inputClass } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import type { HouseholdFormState } from "@/lib/action-state";
import type { MemberOutput } from "@/lib/schemas/households";
import { GenderSelect, RelationSelect } from "./household-fields";
import { ReasonField } from "./reason-field";

type Props = { householdId: string; member?: MemberOutput };

/** Adds a member to the household, or (given one) corrects a member, the reason required then. */
export function MemberForm({ householdId, member }: Props) {
  const t = useTranslations("households");
  const [state, action, pending] = useActionState<HouseholdFormState, FormData>(
    member ? updateMemberAction.bind(null, member.id) : addMemberAction.bind(null, householdId), {},
  );
  const values = state.ok ? {} : (state.values ?? {});
  const errors = state.fieldErrors ?? {};
  const [relation, setRelation] = useState(values.relation ?? member?.relation ?? "");
  const id = (name: string) => `${member?.id ?? "new"}-${name}`;
  const becomingHead = !!member && member.relation !== "HEAD" && relation === "HEAD";
  return (
    <form action={action} className="space-y-3" key={state.ok ? "saved" : JSON.stringify(values)} data-testid={member ? "member-edit-form" : "member-add-form"}>
      <Field id={id("name")} label={t("field.name")} error={errors.name}>
        <input {...fieldProps(id("name"), errors.name)} name="name" required maxLength={30} autoComplete="off"
          defaultValue={values.name ?? member?.name ?? ""} className={inputClass} />
      </Field>
      {member?.relation === "HEAD" ? null : (
        <Field id={id("relation")} label={t("field.relation")} error={errors.relation}>
          <RelationSelect id={id("relation")} name="relation" withHead={!!member} defaultValue={relation} onChange={setRelation} />
        </Field>
      )}
      {becomingHead ? (
        <Field id={id("former")} label={t("field.formerHeadRelation")} hint={t("hint.formerHeadRelation")} error={errors.formerHeadRelation}>
          <RelationSelect id={id("former")} name="formerHeadRelation" defaultValue={values.formerHeadRelation ?? ""} />
        </Field>
      ) : null}
      <div className="grid grid-cols-2 gap-3">
        <Field id={id("gender")} label={t("field.gender")} error={errors.gender}>
          <GenderSelect id={id("gender")} name="gender" defaultValue={values.gender ?? member?.gender ?? ""} />
        </Field>
        <Field id={id("birth")} label={t("field.birthYear")} error={errors.birthYear}>
          <input {...fieldProps(id("birth"), errors.birthYear)} name="birthYear" required inputMode="numeric" pattern="[0-9]{4}"
            maxLength={4} defaultValue={values.birthYear ?? member?.birthYear ?? ""} className={inputClass} />
        </Field>
      </div>
      <ReasonField id={id("reason")} error={errors.reason} defaultValue={values.reason} optional={!member} />
      <FormStatus state={state} success={t("detail.saved")} />
      <SubmitButton pending={pending} label={member ? t("detail.save") : t("detail.addSubmit")} pendingLabel={t("detail.saving")} />
    </form>
  );
}
