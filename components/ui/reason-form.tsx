"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useId, useRef, useState, type ReactNode } from "react";
import type { FormValuesState } from "@/lib/action-state";
import { buttonClass } from "./button";
import { Field, fieldProps, largeInputClass } from "./field";
import { FormStatus } from "./form-status";

type Props = {
  /** Refused, it sends the text back under `values` (defineAction's `keep`), so it is shown again. */
  action: (state: FormValuesState, form: FormData) => Promise<FormValuesState>;
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
 * textarea takes the text, and once sent it says plainly what happens next. Refused, it keeps the
 * text and puts the cursor back in it, its error read out with it, to correct and send again.
 */
export function ReasonForm({ action, messages, field = "reason", maxLength = 500, tone = "primary", testId, busy = false, children }: Props) {
  const t = useTranslations(messages);
  const [state, formAction, pending] = useActionState<FormValuesState, FormData>(action, {});
  const [open, setOpen] = useState(false);
  const text = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const refused = !state.ok && Boolean(state.message);
  useEffect(() => {
    if (!state.ok && state.message) text.current?.focus();
  }, [state]);
  if (state.ok) return <FormStatus state={state} success={t("done")} />;
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className={buttonClass({ tone: "plain", size: "lg", width: "phone" })} data-testid={`${testId}-open`}>
        {t("open")}
      </button>
    );
  }
  const error = state.fieldErrors?.[field];
  // A refusal without a field error (the entry changed meanwhile) is read out with the field too.
  const statusId = `${id}-status`;
  const describedBy = [fieldProps(id, error)["aria-describedby"], refused && !error ? statusId : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <form action={formAction} className="w-full space-y-3 rounded-lg border border-stone-300 bg-stone-50 p-3" data-testid={testId}>
      {t.has("intro") ? <p className="text-stone-700">{t("intro")}</p> : null}
      <Field id={id} label={t("label")} error={error}>
        <textarea ref={text} {...fieldProps(id, error)} aria-describedby={describedBy} name={field} required rows={3} maxLength={maxLength}
          placeholder={t.has("placeholder") ? t("placeholder") : undefined} defaultValue={state.values?.[field]} className={`${largeInputClass} py-2`} />
      </Field>
      {children}
      <div id={statusId}><FormStatus state={state} /></div>
      <div className="flex flex-wrap gap-3">
        <button type="submit" disabled={pending || busy} className={buttonClass({ tone, size: "lg" })} data-testid={`${testId}-submit`}>
          {pending ? t("submitting") : busy ? t("waitPhotos") : t("submit")}
        </button>
        <button type="button" onClick={() => setOpen(false)} className={buttonClass({ tone: "plain", size: "lg" })}>{t("cancel")}</button>
      </div>
    </form>
  );
}
