"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { updateVillageAction } from "@/app/admin/villages/actions";
import { SubmitButton } from "@/components/ui/button";
import { Field, fieldProps, inputClass } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import type { VillageFormState } from "@/lib/action-state";
import type { VillageOutput } from "@/lib/schemas/villages";
import { VillageKindSelect } from "./village-kind-select";

export function EditVillageForm({ village }: { village: VillageOutput }) {
  const t = useTranslations("villages");
  const [state, action, pending] = useActionState<VillageFormState, FormData>(updateVillageAction.bind(null, village.id), {});
  const values = { code: village.code, name: village.name, kind: village.kind, ...state.values };
  const errors = state.fieldErrors ?? {};
  const id = (name: string) => `village-${village.id}-${name}`;
  // Archive numbers carry the code, so it is fixed once the village has households.
  const codeFixed = village.households > 0;
  return (
    <form action={action} className="space-y-4 pt-3">
      <Field id={id("name")} label={t("name")} error={errors.name}>
        <input {...fieldProps(id("name"), errors.name)} name="name" required maxLength={40} defaultValue={values.name} className={inputClass} />
      </Field>
      <Field id={id("code")} label={t("code")} hint={codeFixed ? t("codeFixed") : t("codeHint")} error={errors.code}>
        <input {...fieldProps(id("code"), errors.code, true)} name="code" required maxLength={8} readOnly={codeFixed}
          autoCapitalize="characters" autoComplete="off" defaultValue={values.code} className={`${inputClass} font-mono uppercase`} />
      </Field>
      <VillageKindSelect key={values.kind} id={id("kind")} defaultValue={values.kind} error={errors.kind} />
      <label className="flex min-h-11 items-center gap-3">
        <input type="checkbox" name="active" defaultChecked={village.active} className="size-5 accent-red-800" />
        <span>{t("activeLabel")}</span>
      </label>
      <FormStatus state={state} success={t("saved")} />
      <SubmitButton pending={pending} label={t("save")} pendingLabel={t("saving")} />
    </form>
  );
}
