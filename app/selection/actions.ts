"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { DecideNominationSchema, NominateSchema, WithdrawAwardSchema, WithdrawNominationSchema } from "@/lib/schemas/selection";
import { actionError, type ActionState } from "@/lib/server/action-result";
import { requireActor } from "@/lib/server/auth/current-actor";
import { decideNomination } from "@/lib/server/selection/decide-nomination";
import { nominate } from "@/lib/server/selection/nominate";
import { withdrawAward } from "@/lib/server/selection/withdraw-award";
import { withdrawNomination } from "@/lib/server/selection/withdraw-nomination";
import { requestContextFrom } from "@/lib/server/request-context";

// A blank optional field of the form means "not given".
const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
};

function revalidate(householdId: string): void {
  revalidatePath("/selection");
  revalidatePath(`/households/${householdId}`);
  revalidatePath("/honour");
  revalidatePath("/");
}

export async function nominateAction(householdId: string, year: number, _prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor("selection.nominate");
  try {
    const input = NominateSchema.parse({ householdId, year, note: form.get("note") ?? "" });
    await nominate(actor, input, requestContextFrom(await headers()));
    revalidate(householdId);
  } catch (error) {
    return await actionError(error);
  }
  return { ok: true };
}

export async function withdrawNominationAction(awardId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor("selection.nominate");
  try {
    const input = WithdrawNominationSchema.parse({ reason: form.get("reason") ?? "" });
    const withdrawn = await withdrawNomination(actor, awardId, input, requestContextFrom(await headers()));
    revalidate(withdrawn.household.id);
  } catch (error) {
    return await actionError(error);
  }
  return { ok: true };
}

export async function decideNominationAction(awardId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor("selection.decide");
  try {
    const input = DecideNominationSchema.parse({ decision: form.get("decision"), reason: text(form, "reason") });
    const decided = await decideNomination(actor, awardId, input, requestContextFrom(await headers()));
    revalidate(decided.household.id);
  } catch (error) {
    return await actionError(error);
  }
  return { ok: true };
}

export async function withdrawAwardAction(awardId: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor("selection.decide");
  try {
    const input = WithdrawAwardSchema.parse({ reason: form.get("reason") ?? "" });
    const withdrawn = await withdrawAward(actor, awardId, input, requestContextFrom(await headers()));
    revalidate(withdrawn.household.id);
  } catch (error) {
    return await actionError(error);
  }
  return { ok: true };
}
