"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { nominateAction } from "@/app/selection/actions";
import { buttonClass } from "@/components/ui/button";
import { largeInputClass } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import type { ActionState } from "@/lib/action-state";

/** The council's nomination of an eligible household, with the note the township will read. */
export function NominateForm({ householdId, year }: { householdId: string; year: number }) {
  const t = useTranslations("selection.nominate");
  const [state, action, pending] = useActionState<ActionState, FormData>(nominateAction.bind(null, householdId, year), {});
  if (state.ok) return <FormStatus state={state} success={t("done")} />;
  return (
    <details className="rounded-md border border-stone-200 bg-stone-50 p-3" open={!!state.message}>
      <summary className="flex min-h-11 cursor-pointer items-center font-semibold text-red-800">{t("open")}</summary>
      <form action={action} className="mt-2 space-y-3" data-testid="nominate-form">
        <label className="block">
          <span className="mb-1 block font-medium">{t("note")}</span>
          <textarea name="note" rows={3} maxLength={500} required placeholder={t("noteHint")}
            className={`${largeInputClass} py-2`} />
          {state.fieldErrors?.note ? <span className="mt-1 block text-sm text-red-700">{state.fieldErrors.note}</span> : null}
        </label>
        <FormStatus state={state} />
        <button type="submit" disabled={pending} className={buttonClass({ size: "lg" })}>
          {t("submit")}
        </button>
      </form>
    </details>
  );
}
