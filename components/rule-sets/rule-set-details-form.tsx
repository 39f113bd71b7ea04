"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { updateRuleSetAction } from "@/app/rule-sets/[id]/actions";
import { SubmitButton } from "@/components/ui/button";
import { Disclosure } from "@/components/ui/disclosure";
import { Field, fieldProps, inputClass } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import type { RuleSetFormState } from "@/lib/action-state";

/** A draft's title and the record of how villagers were consulted. */
export function RuleSetDetailsForm({ ruleSetId, title, consultation }: { ruleSetId: string; title: string; consultation: string | null }) {
  const t = useTranslations("ruleSets");
  const [state, action, pending] = useActionState<RuleSetFormState, FormData>(updateRuleSetAction.bind(null, ruleSetId), {});
  const errors = state.fieldErrors ?? {};
  return (
    <Disclosure label={t("edit.detailsOpen")} trigger={{ width: "phone" }}>
      <form action={action} className="space-y-3">
        <Field id="rule-set-title" label={t("draft.titleLabel")} error={errors.title}>
          <input {...fieldProps("rule-set-title", errors.title)} name="title" required maxLength={80} defaultValue={state.values?.title ?? title} className={inputClass} />
        </Field>
        <Field id="rule-set-consultation" label={t("detail.consultation")} hint={t("draft.consultationHint")} error={errors.consultation}>
          <textarea {...fieldProps("rule-set-consultation", errors.consultation, true)} name="consultation" rows={4} maxLength={2000}
            defaultValue={state.values?.consultation ?? consultation ?? ""} className={`${inputClass} py-2`} />
        </Field>
        <FormStatus state={state} success={t("edit.saved")} />
        <SubmitButton pending={pending} label={t("edit.save")} pendingLabel={t("edit.saving")} />
      </form>
    </Disclosure>
  );
}
