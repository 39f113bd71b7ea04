"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { ResolveAppealSchema } from "@/lib/schemas/appeals";
import { actionError, type ActionState } from "@/lib/server/action-result";
import { resolveAppeal } from "@/lib/server/appeals/resolve-appeal";
import { requireActor } from "@/lib/server/auth/current-actor";
import { requestContextFrom } from "@/lib/server/request-context";

export async function resolveAppealAction(appealId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor("appeals.resolve");
  try {
    const input = ResolveAppealSchema.parse({ outcome: form.get("outcome") ?? undefined, resolution: form.get("resolution") ?? undefined });
    const resolved = await resolveAppeal(actor, appealId, input, requestContextFrom(await headers()));
    revalidatePath("/appeals");
    revalidatePath(`/households/${resolved.household.id}`);
    revalidatePath(`/entries/${resolved.entry.id}`);
    revalidatePath("/");
  } catch (error) {
    return await actionError(error);
  }
  return { ok: true };
}
