"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { withdrawAwardAction, withdrawNominationAction } from "@/app/selection/actions";
import { buttonClass } from "@/components/ui/button";
import { largeInputClass } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import type { ActionState } from "@/lib/action-state";

const kinds = {
  // The council withdraws its undecided nomination, saying why.
  nomination: { action: withdrawNominationAction, messages: "selection.withdraw" },
  // The township withdraws an award, saying why (e.g. a black of the year confirmed after it).
  award: { action: withdrawAwardAction, messages: "selection.withdrawAward" },
} as const;

/** Withdraws a nomination or an award, with the reason the household will read. */
export function WithdrawForm({ awardId, kind }: { awardId: string; kind: keyof typeof kinds }) {
  const t = useTranslations(kinds[kind].messages);
  const [state, action, pending] = useActionState<ActionState, FormData>(kinds[kind].action.bind(null, awardId), {});
  if (state.ok) return <p className="rounded-md bg-stone-100 p-3 text-stone-800" role="status">{t("done")}</p>;
  return (
    <details className="rounded-md border border-stone-200 p-3" open={!!state.message}>
      <summary className="flex min-h-11 cursor-pointer items-center text-stone-800 underline">{t("open")}</summary>
      <form action={action} className="mt-2 space-y-3" data-testid={`withdraw-${kind}-form`}>
        <label className="block">
          <span className="mb-1 block font-medium">{t("reason")}</span>
          <textarea name="reason" rows={2} maxLength={500} required className={`${largeInputClass} py-2`} />
          {state.fieldErrors?.reason ? <span className="mt-1 block text-sm text-red-700">{state.fieldErrors.reason}</span> : null}
        </label>
        <FormStatus state={state} />
        <button type="submit" disabled={pending} className={buttonClass({ tone: "plain", size: "lg" })}>
          {t("submit")}
        </button>
      </form>
    </details>
  );
}
