"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { removeRuleAction, updateRuleAction } from "@/app/rule-sets/[id]/actions";
import { SubmitButton } from "@/components/ui/button";
import { Disclosure } from "@/components/ui/disclosure";
import { FormStatus } from "@/components/ui/form-status";
import type { RuleSetFormState } from "@/lib/action-state";
import type { RuleView } from "@/lib/schemas/entries";
import { RuleFields } from "./rule-fields";

/** Under a rule of a draft: "修改这一条" folds out its form; removing asks first. */
export function RuleEditor({ ruleSetId, rule }: { ruleSetId: string; rule: RuleView }) {
  const t = useTranslations("ruleSets.edit");
  const [state, action, pending] = useActionState<RuleSetFormState, FormData>(updateRuleAction.bind(null, ruleSetId, rule.id), {});
  const [removal, remove, removing] = useActionState<RuleSetFormState, FormData>(removeRuleAction.bind(null, ruleSetId, rule.id), {});
  return (
    <div className="mt-2 flex flex-col gap-2 sm:flex-row sm:items-start">
      <Disclosure label={t("ruleOpen")} className="sm:flex-1">
        <form action={action} className="space-y-3">
          <RuleFields idPrefix={`rule-${rule.id}`} rule={rule} values={state.values} errors={state.fieldErrors ?? {}} />
          <FormStatus state={state} success={t("ruleSaved")} />
          <SubmitButton pending={pending} label={t("save")} pendingLabel={t("saving")} />
        </form>
      </Disclosure>
      <form action={remove} onSubmit={(event) => { if (!window.confirm(t("removeConfirm", { title: rule.title }))) event.preventDefault(); }}>
        <SubmitButton pending={removing} label={t("remove")} pendingLabel={t("removing")} tone="plain" />
        <FormStatus state={removal} />
      </form>
    </div>
  );
}
