"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { addRuleAction } from "@/app/rule-sets/[id]/actions";
import type { RuleSetFormState } from "@/lib/action-state";
import { FormStatus, SubmitButton } from "@/components/accounts/form-parts";
import { RuleFields } from "./rule-fields";

export function AddRuleForm({ ruleSetId }: { ruleSetId: string }) {
  const t = useTranslations("ruleSets.edit");
  const [state, action, pending] = useActionState<RuleSetFormState, FormData>(addRuleAction.bind(null, ruleSetId), {});
  return (
    <details className="group rounded-lg border border-stone-200 bg-white p-3" open={!!state.message}>
      <summary className="flex min-h-12 cursor-pointer list-none items-center justify-center rounded-md bg-red-800 px-5 text-lg font-semibold text-white [&::-webkit-details-marker]:hidden sm:inline-flex">
        {t("addOpen")}
      </summary>
      <form action={action} className="mt-3 space-y-3">
        <RuleFields idPrefix="new-rule" values={state.values} errors={state.fieldErrors ?? {}} />
        <FormStatus state={state} success={t("added")} />
        <SubmitButton pending={pending} label={t("add")} pendingLabel={t("adding")} />
      </form>
    </details>
  );
}
