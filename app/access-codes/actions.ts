"use server";

import { headers } from "next/headers";
import { getFormatter } from "next-intl/server";
import { z } from "zod";
import type { HouseholdCard } from "@/lib/action-state";
import { IdSchema } from "@/lib/schemas/common";
import { issueAccessCode } from "@/lib/server/accounts/issue-access-code";
import { defineAction } from "@/lib/server/actions/define-action";

/** Issues the code and returns what the printed household card shows; it is never shown again. */
export const issueAccessCodeAction = defineAction({
  permission: "accounts.issueAccessCode",
  args: z.tuple([IdSchema]),
  run: ({ actor, args: [householdId], context }) => issueAccessCode(actor, householdId, context),
  answer: async ({ household, accessCode }): Promise<{ card: HouseholdCard }> => {
    const format = await getFormatter();
    return {
      card: {
        archiveNo: household.archiveNo, headName: household.headName,
        villageName: household.village.name, townshipName: household.township.name,
        code: accessCode.code,
        expiresOn: format.dateTime(new Date(accessCode.expiresAt), { dateStyle: "long" }),
        signInUrl: signInUrl(await headers()),
      },
    };
  },
});

// No public address is configured; the one the clerk reached this page at is the best guess.
function signInUrl(headerStore: Headers): string {
  const host = headerStore.get("x-forwarded-host") ?? headerStore.get("host") ?? "localhost:3000";
  return `${headerStore.get("x-forwarded-proto") ?? "http"}://${host}/sign-in`;
}
