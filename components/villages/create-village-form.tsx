"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createVillageAction } from "@/app/admin/villages/actions";
import { SubmitButton } from "@/components/ui/button";
import { Field, fieldProps, inputClass } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import type { VillageFormState } from "@/lib/action-state";
import type { Option } from "@/components/accounts/placement-fields";
import { VillageKindSelect } from "./village-kind-select";

/** `townships` is offered to admins only; an official adds villages to its own township. */
export function CreateVillageForm({ townships }: { townships: Option[] }) {
  const t = useTranslations("villages");
  const [state, action, pending] = useActionState<VillageFormState, FormData>(createVillageAction, {});
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" data-testid="create-village-form">
      {townships.length > 0 ? (
        <Field key={values.townshipId} id="village-township" label={t("township")} error={errors.townshipId}>
          <select {...fieldProps("village-township", errors.townshipId)} name="townshipId" required
            defaultValue={values.townshipId ?? ""} className={inputClass}>
            <option value="">{t("choose")}</option>
            {townships.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}
          </select>
        </Field>
      ) : null}
      <Field id="village-name" label={t("name")} hint={t("nameHint")} error={errors.name}>
        <input {...fieldProps("village-name", errors.name, true)} name="name" required maxLength={40}
          defaultValue={values.name ?? ""} className={inputClass} />
      </Field>
      <Field id="village-code" label={t("code")} hint={t("codeHint")} error={errors.code}>
        <input {...fieldProps("village-code", errors.code, true)} name="code" required maxLength={8} autoCapitalize="characters"
          autoComplete="off" defaultValue={values.code ?? ""} className={`${inputClass} font-mono uppercase`} />
      </Field>
      <VillageKindSelect key={values.kind} id="village-kind" defaultValue={values.kind} error={errors.kind} />
      <FormStatus state={state} success={t("created", { name: state.name ?? "" })} />
      <SubmitButton pending={pending} label={t("create")} pendingLabel={t("saving")} />
    </form>
  );
}
