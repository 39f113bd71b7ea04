"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createAccountAction } from "@/app/admin/accounts/actions";
import type { AccountFormState } from "@/lib/action-state";
import type { Role } from "@/lib/generated/prisma/enums";
import { SubmitButton } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";
import { Field, fieldProps, inputClass } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { PlacementFields, type Option } from "./placement-fields";

type Props = { roles: readonly Role[]; villages: Option[]; townships: Option[] };

export function CreateAccountForm({ roles, villages, townships }: Props) {
  const t = useTranslations("accounts");
  const [state, action, pending] = useActionState<AccountFormState, FormData>(createAccountAction, {});
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  const success = state.accountId ? (
    <>
      <p>{t("created", { name: state.displayName ?? "" })}</p>
      <Link href={`/admin/accounts/${state.accountId}`} className="mt-1 inline-flex min-h-11 items-center font-medium underline">
        {t("openCreated")}
      </Link>
    </>
  ) : null;
  return (
    <form action={action} className={`space-y-4 ${cardClass}`} data-testid="create-account-form">
      {/* Remounted with the values sent back: a select ignores a changed defaultValue. */}
      <PlacementFields key={JSON.stringify(values)} roles={roles} villages={villages} townships={townships} errors={errors}
        defaults={{ role: (values.role as Role | undefined) ?? "CLERK", ...values }} />
      <Field id="account-name" label={t("displayName")} hint={t("displayNameHint")} error={errors.displayName}>
        <input {...fieldProps("account-name", errors.displayName, true)} name="displayName" required maxLength={60}
          defaultValue={values.displayName ?? ""} className={inputClass} />
      </Field>
      <Field id="account-username" label={t("username")} hint={t("usernameHint")} error={errors.username}>
        <input {...fieldProps("account-username", errors.username, true)} name="username" required maxLength={40}
          autoComplete="off" autoCapitalize="none" spellCheck={false} defaultValue={values.username ?? ""}
          className={`${inputClass} font-mono`} />
      </Field>
      <Field id="account-password" label={t("initialPassword")} hint={t("initialPasswordHint")} error={errors.password}>
        <input {...fieldProps("account-password", errors.password, true)} name="password" type="text" required
          autoComplete="off" autoCapitalize="none" spellCheck={false} className={`${inputClass} font-mono`} />
      </Field>
      <FormStatus state={state} success={success} />
      <SubmitButton pending={pending} label={t("create")} pendingLabel={t("creating")} />
    </form>
  );
}
