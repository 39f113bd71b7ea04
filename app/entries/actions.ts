"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { VoidEntrySchema } from "@/lib/schemas/entries";
import { actionError, type ActionState } from "@/lib/server/action-result";
import { requireActor } from "@/lib/server/auth/current-actor";
import { voidEntry } from "@/lib/server/entries/void-entry";
import { requestContextFrom } from "@/lib/server/request-context";

export async function voidEntryAction(entryId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor("entries.void");
  try {
    const input = VoidEntrySchema.parse({ reason: form.get("reason") });
    await voidEntry(actor, entryId, input, requestContextFrom(await headers()));
  } catch (error) {
    return await actionError(error);
  }
  revalidatePath(`/entries/${entryId}`);
  return { ok: true };
}
