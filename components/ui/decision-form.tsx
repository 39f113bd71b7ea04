"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/action-state";
import { buttonClass, type ButtonStyle } from "./button";
import { largeInputClass } from "./field";
import { FormStatus } from "./form-status";

type Choice = { value: string; label: string; tone: ButtonStyle["tone"] };

type Props = {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
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
 * uphold or dismiss. Once taken it says so in place of the form.
 */
export function DecisionForm({ action, decision, reason, note, done, testId }: Props) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, {});
  if (state.ok) return <FormStatus state={state} success={done} />;
  const error = state.fieldErrors?.[reason.name];
  return (
    <form action={formAction} className="space-y-3 border-t border-stone-100 pt-3" data-testid={testId}>
      <label className="block">
        <span className="mb-1 block font-medium">{reason.label}</span>
        <textarea name={reason.name} required={reason.required} rows={reason.rows ?? 2} maxLength={500} placeholder={reason.placeholder}
          aria-invalid={error ? true : undefined} className={`${largeInputClass} py-2`} />
        {error ? <span className="mt-1 block text-sm text-red-700">{error}</span> : null}
      </label>
      {note ? <p className="text-sm text-stone-600">{note}</p> : null}
      <FormStatus state={state} />
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
