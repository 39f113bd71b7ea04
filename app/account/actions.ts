"use server";

import { redirect } from "next/navigation";
import { ChangePasswordSchema } from "@/lib/schemas/me";
import { changeMyPassword } from "@/lib/server/accounts/change-password";
import { getCurrentActor } from "@/lib/server/auth/current-actor";
import { actionError, type ActionState } from "@/lib/server/action-result";
import { requestContextFrom } from "@/lib/server/request-context";
import { headers } from "next/headers";

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
    await changeMyPassword(actor, input, requestContextFrom(await headers()));
  } catch (error) {
    return await actionError(error);
  }
  if (wasForced) redirect("/");
  return { ok: true };
}
