"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { largeInputClass } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import type { ActionState } from "@/lib/action-state";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

const primary = buttonClass({ size: "lg" });
const secondary = buttonClass({ tone: "plain", size: "lg" });

/** Asking for an extract: the purpose, and for "other" what it is for. */
export function RequestExtractForm({ action, forHousehold }: { action: Action; forHousehold: boolean }) {
  const t = useTranslations("extracts.request");
  const tp = useTranslations("extracts.purpose");
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, {});
  const [open, setOpen] = useState(false);
  const [purpose, setPurpose] = useState("SCHOOL_ADMISSION");
  if (state.ok) return <p className="rounded-md bg-green-50 p-3 text-green-800" role="status" data-testid="extract-requested">{forHousehold ? t("doneHousehold") : t("doneClerk")}</p>;
  if (!open) {
    return <button type="button" onClick={() => setOpen(true)} className={buttonClass({ tone: "plain", size: "lg", width: "phone" })} data-testid="extract-request-open">{t("open")}</button>;
  }
  return (
    <form action={formAction} className="space-y-3 rounded-lg border border-stone-300 bg-stone-50 p-3" data-testid="extract-request-form">
      <p className="text-stone-700">{forHousehold ? t("introHousehold") : t("introClerk")}</p>
      <fieldset>
        <legend className="mb-1 font-medium">{t("purpose")}</legend>
        <div className="flex flex-col gap-1">
          {(["SCHOOL_ADMISSION", "CIVIL_SERVICE", "OTHER"] as const).map((p) => (
            <label key={p} className="flex min-h-11 items-center gap-2 text-lg">
              <input type="radio" name="purpose" value={p} checked={purpose === p} onChange={() => setPurpose(p)} className="size-5" />
              {tp(p)}
            </label>
          ))}
        </div>
      </fieldset>
      {purpose === "OTHER" ? (
        <label className="block">
          <span className="mb-1 block font-medium">{t("note")}</span>
          <input name="purposeNote" required maxLength={200} className={`${largeInputClass} py-2`} />
          {state.fieldErrors?.purposeNote ? <span className="mt-1 block text-sm text-red-700">{state.fieldErrors.purposeNote}</span> : null}
        </label>
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
  if (state.ok) return <p className="rounded-md bg-green-50 p-2 text-green-800" role="status">{doneLabel}</p>;
  return (
    <form action={formAction} className="inline">
      <button type="submit" disabled={pending} className={tone === "primary" ? primary : secondary} data-testid={testId}>{label}</button>
      {state.message ? <p className="mt-2 rounded-md bg-red-50 p-2 text-red-800" role="alert">{state.message}</p> : null}
    </form>
  );
}
