"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { voidEntryAction } from "@/app/entries/actions";
import type { ActionState } from "@/lib/action-state";

/** Withdrawing an entry asks for the reason and a second tap: it cannot be undone. */
export function VoidEntryForm({ entryId }: { entryId: string }) {
  const t = useTranslations("entries.void");
  const [state, action, pending] = useActionState<ActionState, FormData>(voidEntryAction.bind(null, entryId), {});
  const [open, setOpen] = useState(false);
  if (state.ok) return <p className="rounded-md bg-green-50 p-3 text-green-800" role="status">{t("done")}</p>;
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className="min-h-12 w-full rounded-md border border-stone-400 bg-white px-4 text-lg text-stone-800 sm:w-auto">
        {t("open")}
      </button>
    );
  }
  return (
    <form action={action} className="space-y-3 rounded-lg border border-stone-300 bg-white p-4" data-testid="void-form">
      <p className="text-stone-700">{t("intro")}</p>
      <label className="block">
        <span className="mb-1 block font-medium">{t("reason")}</span>
        <textarea name="reason" required rows={3} maxLength={500} className="w-full rounded-md border border-stone-300 px-3 py-2 text-lg" />
        {state.fieldErrors?.reason ? <span className="mt-1 block text-sm text-red-700">{state.fieldErrors.reason}</span> : null}
      </label>
      {state.message ? <p className="rounded-md bg-red-50 p-3 text-red-800" role="alert">{state.message}</p> : null}
      <div className="flex flex-wrap gap-3">
        <button type="submit" disabled={pending} className="min-h-12 rounded-md bg-stone-800 px-5 text-lg font-semibold text-white disabled:opacity-60">
          {pending ? t("submitting") : t("submit")}
        </button>
        <button type="button" onClick={() => setOpen(false)} className="min-h-12 rounded-md border border-stone-300 px-5 text-lg">{t("cancel")}</button>
      </div>
    </form>
  );
}
