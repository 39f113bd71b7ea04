"use client";

import { useActionState, useEffect, useId, useRef } from "react";
import type { FormValuesState } from "@/lib/action-state";
import { buttonClass, type ButtonStyle } from "./button";
import { Field, fieldProps, largeInputClass } from "./field";
import { FormStatus } from "./form-status";

type Choice = { value: string; label: string; tone: ButtonStyle["tone"] };

type Props = {
  /** Refused, it sends the reason back under `values` (defineAction's `keep`), so it is shown again. */
  action: (state: FormValuesState, form: FormData) => Promise<FormValuesState>;
  /** The form field that carries the choice, and one button per choice. */
  decision: { name: string; choices: Choice[] };
  /** The written reason: its field name, label and, if any, example text. */
  reason: { name: string; label: string; placeholder?: string; required?: boolean; rows?: number };
  /** A line under the reason saying what a choice means. */
  note?: string;
  done: string;
  testId: string;
};

/**
 * A decision taken in one tap with the reason the other side will read: approve or decline,
 * uphold or dismiss. Once taken it says so in place of the form; refused, it keeps the reason and
 * puts the cursor back in it, its error read out with it.
 */
export function DecisionForm({ action, decision, reason, note, done, testId }: Props) {
  const [state, formAction, pending] = useActionState<FormValuesState, FormData>(action, {});
  const text = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  useEffect(() => {
    if (!state.ok && state.message) text.current?.focus();
  }, [state]);
  if (state.ok) return <FormStatus state={state} success={done} />;
  const error = state.fieldErrors?.[reason.name];
  // A refusal without a field error (decided meanwhile) is read out with the reason too.
  const statusId = `${id}-status`;
  const describedBy = [fieldProps(id, error)["aria-describedby"], state.message && !error ? statusId : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <form action={formAction} className="space-y-3 border-t border-stone-100 pt-3" data-testid={testId}>
      <Field id={id} label={reason.label} error={error}>
        <textarea ref={text} {...fieldProps(id, error)} aria-describedby={describedBy} name={reason.name} required={reason.required}
          rows={reason.rows ?? 2} maxLength={500} placeholder={reason.placeholder} defaultValue={state.values?.[reason.name]}
          className={`${largeInputClass} py-2`} />
      </Field>
      {note ? <p className="text-sm text-stone-600">{note}</p> : null}
      <div id={statusId}><FormStatus state={state} /></div>
      <div className="flex flex-wrap gap-3">
        {decision.choices.map((choice) => (
          <button key={choice.value} type="submit" name={decision.name} value={choice.value} disabled={pending}
            className={buttonClass({ tone: choice.tone, size: "lg" })}>
            {choice.label}
          </button>
        ))}
      </div>
    </form>
  );
}
