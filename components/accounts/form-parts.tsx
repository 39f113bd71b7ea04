import type { ReactNode } from "react";
import type { ActionState } from "@/lib/action-state";

// Small building blocks shared by the account, village and access-code forms: large tap
// targets, a label for every field and the field's error right under it.

export const inputClass =
  "block min-h-11 w-full rounded-md border border-stone-300 bg-white px-3 text-base aria-invalid:border-red-700 read-only:bg-stone-100";

/** Props that tie an input to its label and to its hint or error. */
export const fieldProps = (id: string, error?: string, hasHint = false) => ({
  id,
  "aria-invalid": error ? true : undefined,
  "aria-describedby": error || hasHint ? `${id}-note` : undefined,
});

type FieldProps = { id: string; label: string; hint?: string; error?: string; children: ReactNode };

export function Field({ id, label, hint, error, children }: FieldProps) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">{label}</label>
      {children}
      {error || hint ? (
        <p id={`${id}-note`} className={`text-sm ${error ? "text-red-700" : "text-stone-500"}`}>{error ?? hint}</p>
      ) : null}
    </div>
  );
}

export function FormStatus({ state, success }: { state: ActionState; success?: ReactNode }) {
  if (state.ok && success) {
    return <div role="status" className="rounded-md bg-green-50 p-3 text-green-800" data-testid="form-success">{success}</div>;
  }
  if (!state.ok && state.message) {
    return <p role="alert" className="rounded-md bg-red-50 p-3 text-red-800" data-testid="form-error">{state.message}</p>;
  }
  return null;
}

type ButtonProps = { pending: boolean; label: string; pendingLabel: string; tone?: "primary" | "danger" | "plain" };

const tones = {
  primary: "bg-red-800 text-white",
  danger: "bg-stone-800 text-white",
  plain: "border border-stone-300 bg-white text-stone-800",
} as const;

export function SubmitButton({ pending, label, pendingLabel, tone = "primary" }: ButtonProps) {
  return (
    <button type="submit" disabled={pending}
      className={`min-h-11 w-full rounded-md px-5 font-semibold disabled:opacity-60 sm:w-auto ${tones[tone]}`}>
      {pending ? pendingLabel : label}
    </button>
  );
}

export const cardClass = "rounded-lg border border-stone-200 bg-white p-4 shadow-sm sm:p-5";
