"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { ChangePasswordSchema } from "@/lib/schemas/me";
import { changeMyPassword } from "@/lib/server/accounts/change-password";
import { defineAction } from "@/lib/server/actions/define-action";
import { getCurrentActor } from "@/lib/server/auth/current-actor";
import { issueSessionToken, sessionCookieName, sessionCookieOptions } from "@/lib/server/auth/session";
import { authorize, type Permission } from "@/lib/server/authz";

// Not requireActor: a household that signed in with an access code must reach this action.
async function signedIn(permission: Permission | undefined) {
  const actor = await getCurrentActor();
  if (!actor) redirect("/sign-in");
  if (permission) authorize(actor, permission);
  return actor;
}

export const changePasswordAction = defineAction({
  permission: "me.changePassword",
  authenticate: signedIn,
  schema: ChangePasswordSchema,
  run: async ({ actor, input, context }) => {
    const { session } = await changeMyPassword(actor, input, context);
    // Every other session has ended; this one carries on under a new sign-in time.
    if (session) (await cookies()).set(sessionCookieName(), await issueSessionToken(session), sessionCookieOptions());
    return { wasForced: actor.mustChangePassword };
  },
  redirect: ({ wasForced }) => (wasForced ? "/" : undefined),
});
