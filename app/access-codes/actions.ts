"use server";

import { headers } from "next/headers";
import { getFormatter } from "next-intl/server";
import { issueAccessCode } from "@/lib/server/accounts/issue-access-code";
import { actionError, type ActionState } from "@/lib/server/action-result";
import { requireActor } from "@/lib/server/auth/current-actor";
import { requestContextFrom } from "@/lib/server/request-context";

export type HouseholdCard = {
  archiveNo: string;
  headName: string;
  villageName: string;
  townshipName: string;
  code: string;
  expiresOn: string;
  signInUrl: string;
};
export type IssueCodeState = ActionState & { card?: HouseholdCard };

/** Issues the code and returns what the printed household card shows; it is never shown again. */
export async function issueAccessCodeAction(householdId: string, _prev: IssueCodeState, _form: FormData): Promise<IssueCodeState> {
  const actor = await requireActor("accounts.issueAccessCode");
  const headerStore = await headers();
  try {
    const result = await issueAccessCode(actor, householdId, requestContextFrom(headerStore));
    const format = await getFormatter();
    const { household } = result;
    return {
      ok: true,
      card: {
        archiveNo: household.archiveNo, headName: household.headName,
        villageName: household.village.name, townshipName: household.township.name,
        code: result.accessCode.code,
        expiresOn: format.dateTime(new Date(result.accessCode.expiresAt), { dateStyle: "long" }),
        signInUrl: signInUrl(headerStore),
      },
    };
  } catch (error) {
    return actionError(error);
  }
}

// No public address is configured; the one the clerk reached this page at is the best guess.
function signInUrl(headerStore: Headers): string {
  const host = headerStore.get("x-forwarded-host") ?? headerStore.get("host") ?? "localhost:3000";
  return `${headerStore.get("x-forwarded-proto") ?? "http"}://${host}/sign-in`;
}
