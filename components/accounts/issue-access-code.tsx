"use client";

import type { ReactNode } from "react";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { issueAccessCodeAction } from "@/app/access-codes/actions";
import type { IssueCodeState } from "@/lib/action-state";
import { ConfirmDetails } from "./confirm-details";
import { SubmitButton } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { HouseholdCard } from "./household-card";

type Props = {
  householdId: string;
  canIssue: boolean;
  // A code not yet used would stop working, so a new one is confirmed first.
  replacesCode: boolean;
  children: ReactNode; // the household, as the server describes it
};

/** One household of the search results; when a code is issued, only its card is printed. */
export function IssueAccessCode({ householdId, canIssue, replacesCode, children }: Props) {
  const t = useTranslations("accessCodes");
  const [state, action, pending] = useActionState<IssueCodeState, FormData>(issueAccessCodeAction.bind(null, householdId), {});
  const form = (
    <form action={action} className="space-y-3">
      <SubmitButton pending={pending} label={replacesCode ? t("confirmReissue") : t("issue")} pendingLabel={t("issuing")} />
    </form>
  );
  return (
    <li className={`space-y-3 rounded-lg border border-stone-200 bg-white p-4 shadow-sm ${state.card ? "print:border-0 print:p-0 print:shadow-none" : "print:hidden"}`}
      data-testid="household-result">
      <div className="space-y-3 print:hidden">
        {children}
        {state.card ? null : !canIssue ? null : replacesCode ? (
          <ConfirmDetails label={t("reissue")}>
            <p className="rounded-md bg-amber-50 p-3 text-amber-900">{t("reissueWarning")}</p>
            {form}
          </ConfirmDetails>
        ) : form}
        <FormStatus state={state} />
      </div>
      {state.card ? <HouseholdCard card={state.card} /> : null}
    </li>
  );
}
