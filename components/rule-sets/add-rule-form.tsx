"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { addRuleAction } from "@/app/rule-sets/[id]/actions";
import { SubmitButton } from "@/components/ui/button";
import { Disclosure } from "@/components/ui/disclosure";
import { FormStatus } from "@/components/ui/form-status";
import type { RuleSetFormState } from "@/lib/action-state";
import { RuleFields } from "./rule-fields";

const opener = { tone: "primary", size: "lg", width: "phone" } as const;

export function AddRuleForm({ ruleSetId }: { ruleSetId: string }) {
  const t = useTranslations("ruleSets.edit");
  const [state, action, pending] = useActionState<RuleSetFormState, FormData>(addRuleAction.bind(null, ruleSetId), {});
  return (
    <Disclosure label={t("addOpen")} className="rounded-lg border border-stone-200 bg-white p-3" trigger={opener} boxed={false}>
      <form action={action} className="space-y-3">
        <RuleFields idPrefix="new-rule" values={state.values} errors={state.fieldErrors ?? {}} />
        <FormStatus state={state} success={t("added")} />
        <SubmitButton pending={pending} label={t("add")} pendingLabel={t("adding")} />
      </form>
    </Disclosure>
  );
}
