"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { changePasswordAction } from "@/app/account/actions";
import type { ActionState } from "@/lib/action-state";

const field = "min-h-12 w-full rounded-md border border-stone-300 px-3 text-lg";

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
          <input name="currentPassword" type="password" required autoComplete="current-password" className={field} />
          {error("currentPassword")}
        </label>
      )}
      <label className="block">
        <span className="mb-1 block font-medium">{t("newPassword")}</span>
        <input name="newPassword" type="password" required autoComplete="new-password" className={field} />
        <span className="mt-1 block text-sm text-stone-500">{t("passwordRule")}</span>
        {error("newPassword")}
      </label>
      <label className="block">
        <span className="mb-1 block font-medium">{t("confirmPassword")}</span>
        <input name="confirmPassword" type="password" required autoComplete="new-password" className={field} />
        {error("confirmPassword")}
      </label>
      {state.message && <p className="rounded-md bg-red-50 p-3 text-red-800" data-testid="form-error">{state.message}</p>}
      {state.ok && <p className="rounded-md bg-green-50 p-3 text-green-800" data-testid="form-success">{t("passwordChanged")}</p>}
      <button type="submit" disabled={pending} className="min-h-12 w-full rounded-md bg-red-800 text-lg font-semibold text-white disabled:opacity-60">
        {t("savePassword")}
      </button>
    </form>
  );
}
