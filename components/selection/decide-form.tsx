"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { decideNominationAction } from "@/app/selection/actions";
import type { ActionState } from "@/lib/action-state";

/** The township awards a nomination, or declines it with the reason the village will read. */
export function DecideForm({ awardId }: { awardId: string }) {
  const t = useTranslations("selection.decide");
  const [state, action, pending] = useActionState<ActionState, FormData>(decideNominationAction.bind(null, awardId), {});
  if (state.ok) return <p className="rounded-md bg-green-50 p-3 text-green-800" role="status">{t("done")}</p>;
  return (
    <form action={action} className="space-y-3 border-t border-stone-100 pt-3" data-testid="decide-form">
      <label className="block">
        <span className="mb-1 block font-medium">{t("reason")}</span>
        <textarea name="reason" rows={2} maxLength={500} className="w-full rounded-md border border-stone-300 px-3 py-2 text-lg" />
        {state.fieldErrors?.reason ? <span className="mt-1 block text-sm text-red-700">{state.fieldErrors.reason}</span> : null}
      </label>
      {state.message ? <p className="rounded-md bg-red-50 p-3 text-red-800" role="alert">{state.message}</p> : null}
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="decision" value="AWARD" disabled={pending} className="min-h-12 rounded-md bg-green-800 px-5 text-lg font-semibold text-white disabled:opacity-60">
          {t("award")}
        </button>
        <button type="submit" name="decision" value="DECLINE" disabled={pending} className="min-h-12 rounded-md border border-stone-400 bg-white px-5 text-lg text-stone-800 disabled:opacity-60">
          {t("decline")}
        </button>
      </div>
    </form>
  );
}
