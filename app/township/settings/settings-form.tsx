"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/button";
import { Field, fieldProps, inputClass } from "@/components/ui/field";
import { changeSettingsAction } from "./actions";
import type { SettingsFormState } from "@/lib/action-state";
import { DateField } from "@/components/ui/date-field";

type Defaults = {
  effectiveFrom: string; weightRed: number; weightYellow: number; weightBlack: number; civilizedMinReds: number;
  noticePeriodDays: number; noticeHidesNegativeDetail: boolean; honourBoardEnabled: boolean; extractValidityDays: number;
};

const NUMBER_FIELDS = [
  { name: "weightRed", min: 0, max: 100, hint: "weight" },
  { name: "weightYellow", min: 0, max: 100, hint: "weight" },
  { name: "weightBlack", min: 0, max: 100, hint: "weight" },
  { name: "civilizedMinReds", min: 0, max: 50, hint: "civilizedMinReds" },
  { name: "noticePeriodDays", min: 1, max: 60, hint: "noticePeriodDays" },
  { name: "extractValidityDays", min: 30, max: 730, hint: "extractValidityDays" },
] as const;

/** 设定新版本: prefilled with the settings in force, from today by default. */
export function SettingsForm({ defaults, today }: { defaults: Defaults; today: string }) {
  const t = useTranslations("settings");
  const [state, action, pending] = useActionState<SettingsFormState, FormData>(changeSettingsAction, {});
  const errors = state.fieldErrors ?? {};
  // After a success the form starts again from what is now in force (the page re-renders with it).
  const value = (name: keyof Defaults) => (state.ok ? undefined : state.values?.[name]) ?? String(defaults[name]);
  const key = state.ok ? `saved-${state.message}` : "form";
  return (
    <form key={key} action={action} className="space-y-4" data-testid="settings-form" noValidate>
      <p className="text-sm text-stone-600">{t("form.intro")}</p>
      <Field id="settings-effectiveFrom" label={t("field.effectiveFrom")} hint={t("hint.effectiveFrom")} error={errors.effectiveFrom}>
        <DateField {...fieldProps("settings-effectiveFrom", errors.effectiveFrom, true)} name="effectiveFrom" min={today}
          defaultValue={value("effectiveFrom")} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        {NUMBER_FIELDS.map((f) => (
          <Field key={f.name} id={`settings-${f.name}`} label={t(`field.${f.name}`)} hint={t(`hint.${f.hint}`)} error={errors[f.name]}>
            <input {...fieldProps(`settings-${f.name}`, errors[f.name], true)} type="number" inputMode="numeric" name={f.name} min={f.min} max={f.max} step={1} required
              defaultValue={value(f.name)} className={inputClass} />
          </Field>
        ))}
      </div>
      {(["noticeHidesNegativeDetail", "honourBoardEnabled"] as const).map((name) => (
        <fieldset key={name} className="space-y-1">
          <legend className="font-medium">{t(`field.${name}`)}</legend>
          <div className="flex gap-3">
            {(["true", "false"] as const).map((option) => (
              <label key={option} className="flex min-h-11 items-center gap-2 rounded-md border border-stone-300 bg-white px-4">
                <input type="radio" name={name} value={option} defaultChecked={value(name) === option} className="size-5 accent-red-800" />
                {t(option === "true" ? "yes" : "no")}
              </label>
            ))}
          </div>
          {errors[name] ? <p className="text-sm text-red-700">{errors[name]}</p> : null}
        </fieldset>
      ))}
      <Field id="settings-reason" label={t("field.reason")} hint={t("hint.reason")} error={errors.reason}>
        <textarea {...fieldProps("settings-reason", errors.reason, true)} name="reason" rows={3} maxLength={500} required
          defaultValue={state.ok ? "" : state.values?.reason} className={`${inputClass} py-2`} />
      </Field>
      {state.message ? (
        <p role={state.ok ? "status" : "alert"} data-testid={state.ok ? "form-success" : "form-error"}
          className={`rounded-md p-3 ${state.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-800"}`}>{state.message}</p>
      ) : null}
      <SubmitButton pending={pending} label={t("form.submit")} pendingLabel={t("form.submitting")} />
    </form>
  );
}
