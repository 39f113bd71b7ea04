"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState, type ReactNode } from "react";
import type { ActionState } from "@/lib/action-state";
import { buttonClass } from "./button";
import { largeInputClass } from "./field";
import { FormStatus } from "./form-status";

type Props = {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  /**
   * The catalogue namespace of its texts: `open`, `label`, `submit`, `submitting`, `cancel`,
   * `done`, and if it has them `intro`, `placeholder` and `waitPhotos` (shown while `busy`).
   */
  messages: string;
  /** The name the action reads the text under. */
  field?: string;
  /** The longest text the action's schema accepts. */
  maxLength?: number;
  /** `dark` for a step that cannot be taken back. */
  tone?: "primary" | "dark";
  testId: string;
  busy?: boolean;
  children?: ReactNode;
};

/**
 * A request or decision that needs a reason in a person's own words: a large button opens it, a
 * textarea takes the text, and once sent it says plainly what happens next.
 */
export function ReasonForm({ action, messages, field = "reason", maxLength = 500, tone = "primary", testId, busy = false, children }: Props) {
  const t = useTranslations(messages);
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, {});
  const [open, setOpen] = useState(false);
  if (state.ok) return <FormStatus state={state} success={t("done")} />;
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className={buttonClass({ tone: "plain", size: "lg", width: "phone" })} data-testid={`${testId}-open`}>
        {t("open")}
      </button>
    );
  }
  const error = state.fieldErrors?.[field];
  return (
    <form action={formAction} className="w-full space-y-3 rounded-lg border border-stone-300 bg-stone-50 p-3" data-testid={testId}>
      {t.has("intro") ? <p className="text-stone-700">{t("intro")}</p> : null}
      <label className="block">
        <span className="mb-1 block font-medium">{t("label")}</span>
        <textarea name={field} required rows={3} maxLength={maxLength} placeholder={t.has("placeholder") ? t("placeholder") : undefined}
          aria-invalid={error ? true : undefined} className={`${largeInputClass} py-2`} />
        {error ? <span className="mt-1 block text-sm text-red-700">{error}</span> : null}
      </label>
      {children}
      <FormStatus state={state} />
      <div className="flex flex-wrap gap-3">
        <button type="submit" disabled={pending || busy} className={buttonClass({ tone, size: "lg" })} data-testid={`${testId}-submit`}>
          {pending ? t("submitting") : busy ? t("waitPhotos") : t("submit")}
        </button>
        <button type="button" onClick={() => setOpen(false)} className={buttonClass({ tone: "plain", size: "lg" })}>{t("cancel")}</button>
      </div>
    </form>
  );
}
