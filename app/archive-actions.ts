"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { LodgeAppealSchema } from "@/lib/schemas/appeals";
import { RequestRectificationSchema } from "@/lib/schemas/rectifications";
import { actionError, type ActionState } from "@/lib/server/action-result";
import { lodgeAppeal } from "@/lib/server/appeals/lodge-appeal";
import { requireActor } from "@/lib/server/auth/current-actor";
import { requestRectification } from "@/lib/server/rectifications/request-rectification";
import { requestContextFrom } from "@/lib/server/request-context";

// What a household (or a clerk on its behalf) does from the archive page. The pages that show
// the entry's due process are refreshed: the household's home, its page for staff, the queues.
function revalidateArchive(householdId: string): void {
  revalidatePath("/");
  revalidatePath(`/households/${householdId}`);
  revalidatePath("/rectifications");
  revalidatePath("/appeals");
}

export async function requestRectificationAction(entryId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor("rectifications.request");
  try {
    const input = RequestRectificationSchema.parse({ note: form.get("note"), evidenceIds: form.getAll("evidenceIds") });
    const request = await requestRectification(actor, entryId, input, requestContextFrom(await headers()));
    revalidateArchive(request.household.id);
  } catch (error) {
    return await actionError(error);
  }
  return { ok: true };
}

export async function lodgeAppealAction(entryId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor("appeals.lodge");
  try {
    const input = LodgeAppealSchema.parse({ reason: form.get("reason") });
    const appeal = await lodgeAppeal(actor, entryId, input, requestContextFrom(await headers()));
    revalidateArchive(appeal.household.id);
  } catch (error) {
    return await actionError(error);
  }
  return { ok: true };
}
