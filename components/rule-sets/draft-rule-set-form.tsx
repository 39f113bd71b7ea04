"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { draftRuleSetAction } from "@/app/rule-sets/actions";
import type { DraftFormState } from "@/lib/action-state";
import { SubmitButton } from "@/components/ui/button";
import { Disclosure } from "@/components/ui/disclosure";
import { Field, fieldProps, inputClass } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";

const opener = { tone: "primary", size: "lg", width: "phone" } as const;

/** "起草新版本": a title (suggested) and, if already known, how villagers were consulted. */
export function DraftRuleSetForm({ villageId, defaultTitle }: { villageId: string; defaultTitle: string }) {
  const t = useTranslations("ruleSets.draft");
  const [state, action, pending] = useActionState<DraftFormState, FormData>(draftRuleSetAction.bind(null, villageId), {});
  const errors = state.fieldErrors ?? {};
  return (
    <Disclosure label={t("open")} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm" trigger={opener} boxed={false} testId="draft-rule-set">
      <form action={action} className="space-y-4 pt-2">
        <p className="text-sm text-stone-600">{t("intro")}</p>
        <Field id="draft-title" label={t("titleLabel")} error={errors.title}>
          <input {...fieldProps("draft-title", errors.title)} name="title" required maxLength={80} defaultValue={state.values?.title ?? defaultTitle} className={inputClass} />
        </Field>
        <Field id="draft-consultation" label={t("consultationLabel")} hint={t("consultationHint")} error={errors.consultation}>
          <textarea {...fieldProps("draft-consultation", errors.consultation, true)} name="consultation" rows={3} maxLength={2000} defaultValue={state.values?.consultation} className={`${inputClass} py-2`} />
        </Field>
        <FormStatus state={state} />
        <SubmitButton pending={pending} label={t("submit")} pendingLabel={t("submitting")} />
      </form>
    </Disclosure>
  );
}
