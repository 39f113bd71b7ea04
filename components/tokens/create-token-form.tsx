"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createTokenAction } from "@/app/account/tokens/actions";
import { SubmitButton } from "@/components/ui/button";
import { Field, fieldProps, inputClass } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import type { TokenActionState } from "@/lib/action-state";
import { NewTokenNotice } from "./new-token-notice";

const initial: TokenActionState = { ok: false };

export function CreateTokenForm() {
  const t = useTranslations("tokens");
  const [state, formAction, pending] = useActionState(createTokenAction, initial);
  const nameError = state.fieldErrors?.name;
  return (
    <div className="space-y-4">
      {state.ok && state.token ? <NewTokenNotice token={state.token} /> : null}
      <form action={formAction} className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
        <Field id="token-name" label={t("nameLabel")} hint={t("nameHint")} error={nameError}>
          <input
            {...fieldProps("token-name", nameError, true)}
            name="name"
            required
            maxLength={60}
            autoComplete="off"
            defaultValue={state.ok ? "" : state.values?.name}
            className={inputClass}
          />
        </Field>
        <FormStatus state={state} />
        <SubmitButton pending={pending} label={t("create")} pendingLabel={t("creating")} />
      </form>
    </div>
  );
}
