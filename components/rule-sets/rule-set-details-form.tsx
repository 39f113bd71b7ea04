"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { updateRuleSetAction } from "@/app/rule-sets/[id]/actions";
import type { RuleSetFormState } from "@/lib/action-state";
import { Field, fieldProps, FormStatus, inputClass, SubmitButton } from "@/components/accounts/form-parts";

/** A draft's title and the record of how villagers were consulted. */
export function RuleSetDetailsForm({ ruleSetId, title, consultation }: { ruleSetId: string; title: string; consultation: string | null }) {
  const t = useTranslations("ruleSets");
  const [state, action, pending] = useActionState<RuleSetFormState, FormData>(updateRuleSetAction.bind(null, ruleSetId), {});
  const errors = state.fieldErrors ?? {};
  return (
    <details className="group">
      <summary className="flex min-h-11 cursor-pointer list-none items-center justify-center rounded-md border border-stone-300 bg-white px-4 font-medium group-open:bg-stone-100 [&::-webkit-details-marker]:hidden sm:inline-flex">
        {t("edit.detailsOpen")}
      </summary>
      <form action={action} className="mt-2 space-y-3 rounded-md border border-stone-200 bg-stone-50 p-3">
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
    </details>
  );
}
