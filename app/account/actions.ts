"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { ChangePasswordSchema } from "@/lib/schemas/me";
import { changeMyPassword } from "@/lib/server/accounts/change-password";
import { getCurrentActor } from "@/lib/server/auth/current-actor";
import { issueSessionToken, sessionCookieName, sessionCookieOptions } from "@/lib/server/auth/session";
import { actionError, type ActionState } from "@/lib/server/action-result";
import { requestContextFrom } from "@/lib/server/request-context";

export async function changePasswordAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  // Not requireActor: a household that signed in with an access code must reach this action.
  const actor = await getCurrentActor();
  if (!actor) redirect("/sign-in");
  const wasForced = actor.mustChangePassword;
  try {
    const input = ChangePasswordSchema.parse({
      currentPassword: form.get("currentPassword") || undefined,
      newPassword: form.get("newPassword"),
      confirmPassword: form.get("confirmPassword"),
    });
    const { session } = await changeMyPassword(actor, input, requestContextFrom(await headers()));
    // Every other session has ended; this one carries on under a new sign-in time.
    if (session) (await cookies()).set(sessionCookieName(), await issueSessionToken(session), sessionCookieOptions());
  } catch (error) {
    return await actionError(error);
  }
  if (wasForced) redirect("/");
  return { ok: true };
}
