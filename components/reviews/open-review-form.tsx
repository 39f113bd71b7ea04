"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { openReviewAction } from "@/app/reviews/actions";
import type { ActionState } from "@/lib/action-state";

type Props = { year: number; quarter: number; pending: number };

/** Opens the review of an ended quarter: gathers its pending entries and freezes the roster. */
export function OpenReviewForm({ year, quarter, pending }: Props) {
  const t = useTranslations("reviews.open");
  const [state, action, busy] = useActionState<ActionState, FormData>(openReviewAction, {});
  return (
    <form action={action} className="space-y-2 rounded-lg border border-red-200 bg-red-50 p-4" data-testid="open-review-form">
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="quarter" value={quarter} />
      <p className="text-stone-800">{t("intro", { year, quarter, pending })}</p>
      {state.message ? <p role="alert" className="rounded-md bg-white p-3 text-red-800">{state.message}</p> : null}
      <button type="submit" disabled={busy} className="min-h-12 w-full rounded-md bg-red-800 px-5 text-lg font-semibold text-white disabled:opacity-60 sm:w-auto">
        {busy ? t("submitting") : t("submit", { year, quarter, pending })}
      </button>
    </form>
  );
}
