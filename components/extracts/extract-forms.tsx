"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useId, useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { Field, fieldProps, largeInputClass } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import type { ActionState, FormValuesState } from "@/lib/action-state";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;
/** Refused, it sends the purpose and its note back under `values` (defineAction's `keep`). */
type RequestAction = (state: FormValuesState, form: FormData) => Promise<FormValuesState>;

const PURPOSES = ["SCHOOL_ADMISSION", "CIVIL_SERVICE", "OTHER"] as const;

const primary = buttonClass({ size: "lg" });
const secondary = buttonClass({ tone: "plain", size: "lg" });

/**
 * Asking for an extract: the purpose, and for "other" what it is for. Refused, it keeps what was
 * chosen and typed and puts the cursor back in the field with the error.
 */
export function RequestExtractForm({ action, forHousehold }: { action: RequestAction; forHousehold: boolean }) {
  const t = useTranslations("extracts.request");
  const tp = useTranslations("extracts.purpose");
  const [state, formAction, pending] = useActionState<FormValuesState, FormData>(action, {});
  const [open, setOpen] = useState(false);
  // The radios are not controlled: React resets a form after its action, which would uncheck a
  // controlled one while its state still says it is chosen; reset, they come back to the state.
  const [purpose, setPurpose] = useState("SCHOOL_ADMISSION");
  const id = useId();
  const note = useRef<HTMLInputElement>(null);
  const chosen = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (state.fieldErrors?.purposeNote) note.current?.focus();
    else if (state.fieldErrors?.purpose) chosen.current?.focus();
  }, [state]);
  if (state.ok) {
    return <div data-testid="extract-requested"><FormStatus state={state} success={forHousehold ? t("doneHousehold") : t("doneClerk")} /></div>;
  }
  if (!open) {
    return <button type="button" onClick={() => setOpen(true)} className={buttonClass({ tone: "plain", size: "lg", width: "phone" })} data-testid="extract-request-open">{t("open")}</button>;
  }
  const purposeId = `${id}-purpose`;
  const noteId = `${id}-note`;
  const purposeError = state.fieldErrors?.purpose;
  const noteError = state.fieldErrors?.purposeNote;
  return (
    <form action={formAction} className="space-y-3 rounded-lg border border-stone-300 bg-stone-50 p-3" data-testid="extract-request-form">
      <p className="text-stone-700">{forHousehold ? t("introHousehold") : t("introClerk")}</p>
      <fieldset aria-describedby={purposeError ? `${purposeId}-note` : undefined}>
        <legend className="mb-1 font-medium">{t("purpose")}</legend>
        <div className="flex flex-col gap-1">
          {PURPOSES.map((p) => (
            <label key={p} className="flex min-h-11 items-center gap-2 text-lg">
              <input ref={purpose === p ? chosen : undefined} type="radio" name="purpose" value={p} defaultChecked={purpose === p}
                onChange={() => setPurpose(p)} className="size-5" />
              {tp(p)}
            </label>
          ))}
        </div>
        {purposeError ? <p id={`${purposeId}-note`} className="mt-1 text-sm text-red-700">{purposeError}</p> : null}
      </fieldset>
      {purpose === "OTHER" ? (
        <Field id={noteId} label={t("note")} error={noteError}>
          <input ref={note} {...fieldProps(noteId, noteError)} name="purposeNote" required maxLength={200}
            defaultValue={state.values?.purposeNote} className={`${largeInputClass} py-2`} />
        </Field>
      ) : null}
      <FormStatus state={state} />
      <div className="flex flex-wrap gap-3">
        <button type="submit" disabled={pending} className={primary} data-testid="extract-request-submit">{pending ? t("submitting") : t("submit")}</button>
        <button type="button" onClick={() => setOpen(false)} className={secondary}>{t("cancel")}</button>
      </div>
    </form>
  );
}

/** One button that runs an action (consent, issue). */
export function ActionButton({ action, label, doneLabel, testId, tone = "primary" }: {
  action: Action; label: string; doneLabel: string; testId: string; tone?: "primary" | "secondary";
}) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, {});
  if (state.ok) return <FormStatus state={state} success={doneLabel} />;
  return (
    <form action={formAction} className="space-y-2">
      <button type="submit" disabled={pending} className={tone === "primary" ? primary : secondary} data-testid={testId}>{label}</button>
      <FormStatus state={state} />
    </form>
  );
}
