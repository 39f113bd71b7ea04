import type { ReactNode } from "react";

// A label for every field and the field's error right under it, tied to the input for screen readers.

/** The box a field is drawn in, for a control that is not an input (the date field's button). */
export const fieldBoxClass = "min-h-11 w-full rounded-md border border-stone-300 bg-white px-3 text-base aria-invalid:border-red-700";

// Only an input marked readonly is greyed: `:read-only` also matches every select.
export const inputClass = `block ${fieldBoxClass} [&[readonly]]:bg-stone-100`;

/** Larger text, for what is filled in on a phone standing up: signing in, a ballot, a reason. */
export const largeInputClass =
  "block min-h-12 w-full rounded-md border border-stone-300 bg-white px-3 text-lg aria-invalid:border-red-700";

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
