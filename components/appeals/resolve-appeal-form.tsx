"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { resolveAppealAction } from "@/app/appeals/actions";
import type { ActionState } from "@/lib/action-state";

/** Uphold (the entry is voided) or dismiss, always with the reason the household will read. */
export function ResolveAppealForm({ appealId }: { appealId: string }) {
  const t = useTranslations("appeals.resolve");
  const [state, action, pending] = useActionState<ActionState, FormData>(resolveAppealAction.bind(null, appealId), {});
  if (state.ok) return <p className="rounded-md bg-green-50 p-3 text-green-800" role="status">{t("done")}</p>;
  return (
    <form action={action} className="space-y-3 border-t border-stone-100 pt-3" data-testid="resolve-appeal">
      <label className="block">
        <span className="mb-1 block font-medium">{t("resolution")}</span>
        <textarea name="resolution" required rows={3} maxLength={500} placeholder={t("resolutionHint")} className="w-full rounded-md border border-stone-300 px-3 py-2 text-lg" />
        {state.fieldErrors?.resolution ? <span className="mt-1 block text-sm text-red-700">{state.fieldErrors.resolution}</span> : null}
      </label>
      <p className="text-sm text-stone-600">{t("upheldMeans")}</p>
      {state.message ? <p className="rounded-md bg-red-50 p-3 text-red-800" role="alert">{state.message}</p> : null}
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="outcome" value="UPHELD" disabled={pending} className="min-h-12 rounded-md bg-stone-800 px-5 text-lg font-semibold text-white disabled:opacity-60">
          {t("uphold")}
        </button>
        <button type="submit" name="outcome" value="DISMISSED" disabled={pending} className="min-h-12 rounded-md border border-stone-400 bg-white px-5 text-lg text-stone-800 disabled:opacity-60">
          {t("dismiss")}
        </button>
      </div>
    </form>
  );
}
