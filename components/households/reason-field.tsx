"use client";

import { useTranslations } from "next-intl";
import { Field, fieldProps, inputClass } from "@/components/ui/field";

/** The "why" of a change: it is kept in the household's change history. */
export function ReasonField({ id, error, defaultValue = "", optional = false }: { id: string; error?: string; defaultValue?: string; optional?: boolean }) {
  const t = useTranslations("households");
  return (
    <Field id={id} label={t("field.reason")} hint={t(optional ? "hint.addReason" : "hint.reason")} error={error}>
      <textarea {...fieldProps(id, error, true)} name="reason" required={!optional} minLength={optional ? undefined : 2} maxLength={500}
        rows={2} defaultValue={defaultValue} className={`${inputClass} py-2`} />
    </Field>
  );
}
