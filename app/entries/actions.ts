"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { RecordEntrySchema, VoidEntrySchema } from "@/lib/schemas/entries";
import { actionError, type ActionState } from "@/lib/server/action-result";
import { requireActor } from "@/lib/server/auth/current-actor";
import { recordEntry } from "@/lib/server/entries/record-entry";
import { voidEntry } from "@/lib/server/entries/void-entry";
import { requestContextFrom } from "@/lib/server/request-context";

export type RecordEntryState = ActionState & { recorded?: { id: string; replayed: boolean } };

// A blank optional field of the form means "not given".
const optional = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" && value.trim() !== "" ? value : null;
};

export async function recordEntryAction(_prev: RecordEntryState, form: FormData): Promise<RecordEntryState> {
  const actor = await requireActor("entries.record");
  try {
    const input = RecordEntrySchema.parse({
      idempotencyKey: form.get("idempotencyKey"),
      householdId: form.get("householdId"),
      memberId: optional(form, "memberId"),
      ruleId: form.get("ruleId") ?? "",
      occurredOn: form.get("occurredOn"),
      description: form.get("description"),
      legalAuthority: optional(form, "legalAuthority"),
      legalDocumentNo: optional(form, "legalDocumentNo"),
      evidenceIds: form.getAll("evidenceIds"),
    });
    // No revalidation: the lists are rendered per request, and re-rendering this page would
    // replace the confirmation the clerk is about to read.
    const { entry, replayed } = await recordEntry(actor, input, requestContextFrom(await headers()));
    return { ok: true, recorded: { id: entry.id, replayed } };
  } catch (error) {
    return await actionError(error);
  }
}

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
