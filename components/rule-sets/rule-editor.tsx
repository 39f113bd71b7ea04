"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { removeRuleAction, updateRuleAction } from "@/app/rule-sets/[id]/actions";
import type { RuleSetFormState } from "@/lib/action-state";
import { FormStatus, SubmitButton } from "@/components/accounts/form-parts";
import type { RuleView } from "@/lib/schemas/entries";
import { RuleFields } from "./rule-fields";

/** Under a rule of a draft: "修改这一条" folds out its form; removing asks first. */
export function RuleEditor({ ruleSetId, rule }: { ruleSetId: string; rule: RuleView }) {
  const t = useTranslations("ruleSets.edit");
  const [state, action, pending] = useActionState<RuleSetFormState, FormData>(updateRuleAction.bind(null, ruleSetId, rule.id), {});
  const [removal, remove, removing] = useActionState<RuleSetFormState, FormData>(removeRuleAction.bind(null, ruleSetId, rule.id), {});
  return (
    <div className="mt-2 flex flex-col gap-2 sm:flex-row sm:items-start">
      <details className="group sm:flex-1">
        <summary className="flex min-h-11 cursor-pointer list-none items-center justify-center rounded-md border border-stone-300 bg-white px-4 font-medium group-open:bg-stone-100 [&::-webkit-details-marker]:hidden">
          {t("ruleOpen")}
        </summary>
        <form action={action} className="mt-2 space-y-3 rounded-md border border-stone-200 bg-stone-50 p-3">
          <RuleFields idPrefix={`rule-${rule.id}`} rule={rule} values={state.values} errors={state.fieldErrors ?? {}} />
          <FormStatus state={state} success={t("ruleSaved")} />
          <SubmitButton pending={pending} label={t("save")} pendingLabel={t("saving")} />
        </form>
      </details>
      <form action={remove} onSubmit={(event) => { if (!window.confirm(t("removeConfirm", { title: rule.title }))) event.preventDefault(); }}>
        <SubmitButton pending={removing} label={t("remove")} pendingLabel={t("removing")} tone="plain" />
        <FormStatus state={removal} />
      </form>
    </div>
  );
}
