"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { ExtractReasonSchema, RequestExtractSchema } from "@/lib/schemas/extracts";
import { actionError, type ActionState } from "@/lib/server/action-result";
import { requireActor } from "@/lib/server/auth/current-actor";
import type { Permission } from "@/lib/server/authz";
import { issueExtract } from "@/lib/server/extracts/issue-extract";
import { requestExtract } from "@/lib/server/extracts/request-extract";
import { changeExtract, type ExtractStep } from "@/lib/server/extracts/transitions";
import { requestContextFrom } from "@/lib/server/request-context";

// Extract actions of the household section and the township queue: authenticate, parse with the
// API's schema, call the same use case as the API, revalidate, return { ok } or translated errors.

function refresh(): void {
  revalidatePath("/", "layout");
}

export async function requestExtractAction(householdId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor("extracts.request");
  try {
    const note = form.get("purposeNote");
    const input = RequestExtractSchema.parse({ purpose: form.get("purpose"), ...(note ? { purposeNote: note } : {}) });
    await requestExtract(actor, householdId, input, requestContextFrom(await headers()));
  } catch (error) {
    return await actionError(error);
  }
  refresh();
  return { ok: true };
}

const permissionOf: Record<ExtractStep, Permission> = {
  consent: "extracts.consent", refuse: "extracts.consent", decline: "extracts.issue", revoke: "extracts.revoke",
};

export async function changeExtractAction(extractId: string, step: ExtractStep, _prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor(permissionOf[step]);
  try {
    const input = step === "decline" || step === "revoke" ? ExtractReasonSchema.parse({ reason: form.get("reason") }) : {};
    await changeExtract(actor, extractId, step, input, requestContextFrom(await headers()));
  } catch (error) {
    return await actionError(error);
  }
  refresh();
  return { ok: true };
}

export async function issueExtractAction(extractId: string, _prev: ActionState): Promise<ActionState> {
  const actor = await requireActor("extracts.issue");
  try {
    await issueExtract(actor, extractId, requestContextFrom(await headers()));
  } catch (error) {
    return await actionError(error);
  }
  refresh();
  return { ok: true };
}
