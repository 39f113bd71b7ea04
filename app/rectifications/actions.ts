"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { DecideRectificationSchema } from "@/lib/schemas/rectifications";
import { actionError, type ActionState } from "@/lib/server/action-result";
import { requireActor } from "@/lib/server/auth/current-actor";
import { decideRectification } from "@/lib/server/rectifications/decide-rectification";
import { requestContextFrom } from "@/lib/server/request-context";

// A blank optional field of the form means "not given".
const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
};

export async function decideRectificationAction(rectificationId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor("rectifications.decide");
  try {
    const input = DecideRectificationSchema.parse({ decision: form.get("decision"), reason: text(form, "reason") });
    const decided = await decideRectification(actor, rectificationId, input, requestContextFrom(await headers()));
    revalidatePath("/rectifications");
    revalidatePath(`/households/${decided.household.id}`);
    revalidatePath(`/entries/${decided.entry.id}`);
    revalidatePath("/");
  } catch (error) {
    return await actionError(error);
  }
  return { ok: true };
}
