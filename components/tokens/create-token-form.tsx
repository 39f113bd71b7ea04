"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createTokenAction } from "@/app/account/tokens/actions";
import { buttonClass } from "@/components/ui/button";
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
        <div className="space-y-1">
          <label htmlFor="token-name" className="block font-medium">{t("nameLabel")}</label>
          <input
            id="token-name"
            name="name"
            required
            maxLength={60}
            autoComplete="off"
            defaultValue={state.ok ? "" : state.values?.name}
            aria-invalid={nameError ? true : undefined}
            aria-describedby="token-name-hint"
            className="block min-h-11 w-full rounded-md border border-stone-300 px-3 text-base aria-invalid:border-red-700"
          />
          <p id="token-name-hint" className={`text-sm ${nameError ? "text-red-700" : "text-stone-500"}`}>
            {nameError ?? t("nameHint")}
          </p>
        </div>
        {!state.ok && state.message && !nameError ? (
          <p role="alert" className="text-sm text-red-700">{state.message}</p>
        ) : null}
        <button
          type="submit"
          disabled={pending}
          className={buttonClass({ width: "phone" })}
        >
          {pending ? t("creating") : t("create")}
        </button>
      </form>
    </div>
  );
}
