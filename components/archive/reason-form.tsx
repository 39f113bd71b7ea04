"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import type { ActionState } from "@/lib/action-state";

type Props = {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  namespace: "archive.rectify" | "archive.appeal";
  field: "note" | "reason";
  testId: string;
  busy?: boolean;
  children?: React.ReactNode;
};

/**
 * A request written in the household's own words: a large button opens it, a textarea takes the
 * text, and after sending it says plainly what happens next.
 */
export function ReasonForm({ action, namespace, field, testId, busy = false, children }: Props) {
  const t = useTranslations(namespace);
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, {});
  const [open, setOpen] = useState(false);
  if (state.ok) return <p className="rounded-md bg-green-50 p-3 text-green-800" role="status">{t("done")}</p>;
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className="min-h-12 w-full rounded-md border border-stone-400 bg-white px-4 text-lg text-stone-800 sm:w-auto" data-testid={`${testId}-open`}>
        {t("open")}
      </button>
    );
  }
  return (
    <form action={formAction} className="space-y-3 rounded-lg border border-stone-300 bg-stone-50 p-3" data-testid={testId}>
      <p className="text-stone-700">{t("intro")}</p>
      <label className="block">
        <span className="mb-1 block font-medium">{t("label")}</span>
        <textarea name={field} required rows={3} maxLength={1000} placeholder={t("placeholder")} className="w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-lg" />
        {state.fieldErrors?.[field] ? <span className="mt-1 block text-sm text-red-700">{state.fieldErrors[field]}</span> : null}
      </label>
      {children}
      {state.message ? <p className="rounded-md bg-red-50 p-3 text-red-800" role="alert">{state.message}</p> : null}
      <div className="flex flex-wrap gap-3">
        <button type="submit" disabled={pending || busy} className="min-h-12 rounded-md bg-red-800 px-5 text-lg font-semibold text-white disabled:opacity-60">
          {pending ? t("submitting") : busy ? t("waitPhotos") : t("submit")}
        </button>
        <button type="button" onClick={() => setOpen(false)} className="min-h-12 rounded-md border border-stone-300 bg-white px-5 text-lg">{t("cancel")}</button>
      </div>
    </form>
  );
}
