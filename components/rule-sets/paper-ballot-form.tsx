"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { enterRuleSetPaperBallotAction } from "@/app/rule-sets/[id]/actions";
import { SubmitButton } from "@/components/ui/button";
import { Field, fieldProps, inputClass } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import type { RuleSetFormState } from "@/lib/action-state";

type Representative = { id: string; displayName: string };

/** A clerk enters, one representative at a time, the decisions recorded on paper at the meeting. */
export function PaperBallotForm({ ruleSetId, representatives }: { ruleSetId: string; representatives: Representative[] }) {
  const t = useTranslations("ruleSets.vote");
  const [state, action, pending] = useActionState<RuleSetFormState, FormData>(enterRuleSetPaperBallotAction.bind(null, ruleSetId), {});
  const errors = state.fieldErrors ?? {};
  if (representatives.length === 0) return <p className="text-stone-600">{t("allVoted")}</p>;
  return (
    <form action={action} className="space-y-3" data-testid="paper-ballot">
      <h3 className="text-lg font-semibold">{t("paperTitle")}</h3>
      <p className="text-sm text-stone-600">{t("paperIntro")}</p>
      <Field id="paper-representative" label={t("representative")} error={errors.representativeId}>
        <select {...fieldProps("paper-representative", errors.representativeId)} name="representativeId" required
          defaultValue={state.values?.representativeId ?? ""} className={inputClass}>
          <option value="" disabled>{t("chooseRepresentative")}</option>
          {representatives.map((r) => <option key={r.id} value={r.id}>{r.displayName}</option>)}
        </select>
      </Field>
      <fieldset className="space-y-2" aria-describedby={errors.decision ? "paper-decision-note" : undefined}>
        <legend className="font-medium">{t("decisionLabel")}</legend>
        <div className="flex flex-wrap gap-2">
          {(["APPROVE", "REJECT", "ABSTAIN"] as const).map((d) => (
            <label key={d} className="flex min-h-11 items-center gap-2 rounded-md border border-stone-300 bg-white px-4">
              <input type="radio" name="decision" value={d} required defaultChecked={state.values?.decision === d} className="size-5 accent-red-800" />
              {t(`decision.${d}`)}
            </label>
          ))}
        </div>
        {errors.decision ? <p id="paper-decision-note" className="text-sm text-red-700">{errors.decision}</p> : null}
      </fieldset>
      <FormStatus state={state} success={t("paperSaved")} />
      <SubmitButton pending={pending} label={t("paperSubmit")} pendingLabel={t("casting")} />
    </form>
  );
}
