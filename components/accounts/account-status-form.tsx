"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { setAccountActiveAction } from "@/app/admin/accounts/actions";
import type { ActionState } from "@/lib/action-state";
import { ConfirmDetails } from "./confirm-details";
import { FormStatus, SubmitButton } from "./form-parts";

/** Deactivate (after a confirmation: it locks a person out at once) or reactivate an account. */
export function AccountStatusForm({ accountId, active }: { accountId: string; active: boolean }) {
  const t = useTranslations("accounts");
  const [state, action, pending] = useActionState<ActionState, FormData>(setAccountActiveAction.bind(null, accountId, !active), {});
  return (
    <div className="space-y-3">
      <FormStatus state={state} success={active ? t("reactivated") : t("deactivated")} />
      {active ? (
        <ConfirmDetails label={t("deactivate")}>
          <form action={action} className="space-y-3">
            <p className="rounded-md bg-amber-50 p-3 text-amber-900">{t("deactivateWarning")}</p>
            <SubmitButton pending={pending} tone="danger" label={t("confirmDeactivate")} pendingLabel={t("saving")} />
          </form>
        </ConfirmDetails>
      ) : (
        <form action={action}>
          <SubmitButton pending={pending} label={t("reactivate")} pendingLabel={t("saving")} />
        </form>
      )}
    </div>
  );
}
