"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { changePasswordAction } from "@/app/account/actions";
import { buttonClass } from "@/components/ui/button";
import { largeInputClass } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import type { ActionState } from "@/lib/action-state";

export function ChangePasswordForm({ needsCurrent }: { needsCurrent: boolean }) {
  const t = useTranslations("account");
  const [state, action, pending] = useActionState<ActionState, FormData>(changePasswordAction, {});
  const error = (name: string) =>
    state.fieldErrors?.[name] && <span className="mt-1 block text-sm text-red-700">{state.fieldErrors[name]}</span>;
  return (
    <form action={action} className="space-y-4">
      {needsCurrent && (
        <label className="block">
          <span className="mb-1 block font-medium">{t("currentPassword")}</span>
          <input name="currentPassword" type="password" required autoComplete="current-password" className={largeInputClass} />
          {error("currentPassword")}
        </label>
      )}
      <label className="block">
        <span className="mb-1 block font-medium">{t("newPassword")}</span>
        <input name="newPassword" type="password" required autoComplete="new-password" className={largeInputClass} />
        <span className="mt-1 block text-sm text-stone-500">{t("passwordRule")}</span>
        {error("newPassword")}
      </label>
      <label className="block">
        <span className="mb-1 block font-medium">{t("confirmPassword")}</span>
        <input name="confirmPassword" type="password" required autoComplete="new-password" className={largeInputClass} />
        {error("confirmPassword")}
      </label>
      <FormStatus state={state} success={t("passwordChanged")} />
      <button type="submit" disabled={pending} className={buttonClass({ size: "lg", width: "always" })}>
        {t("savePassword")}
      </button>
    </form>
  );
}
