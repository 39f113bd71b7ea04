"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { resetPasswordAction } from "@/app/admin/accounts/actions";
import type { ResetPasswordState } from "@/lib/action-state";
import { ConfirmDetails } from "./confirm-details";
import { SubmitButton } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";

/** Sets a temporary password and shows it this once, to be passed on to its holder. */
export function ResetPasswordForm({ accountId }: { accountId: string }) {
  const t = useTranslations("accounts");
  const [state, action, pending] = useActionState<ResetPasswordState, FormData>(resetPasswordAction.bind(null, accountId), {});
  if (state.ok && state.temporaryPassword) {
    return (
      <div role="status" className="space-y-2 rounded-lg border-2 border-amber-500 bg-amber-50 p-4" data-testid="temporary-password">
        <p className="font-semibold">{t("temporaryPasswordTitle")}</p>
        <p className="select-all break-all font-mono text-2xl tracking-wider">{state.temporaryPassword}</p>
        <p className="text-sm text-amber-900">{t("temporaryPasswordWarning")}</p>
      </div>
    );
  }
  return (
    <ConfirmDetails label={t("resetPassword")}>
      <form action={action} className="space-y-3">
        <p className="rounded-md bg-amber-50 p-3 text-amber-900">{t("resetPasswordWarning")}</p>
        <FormStatus state={state} />
        <SubmitButton pending={pending} tone="dark" label={t("confirmResetPassword")} pendingLabel={t("saving")} />
      </form>
    </ConfirmDetails>
  );
}
