"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { IdSchema } from "@/lib/schemas/common";
import {
  AddMemberSchema, CreateHouseholdSchema, DeactivateMemberSchema, SetHouseholdStatusSchema, UpdateHouseholdSchema,
  UpdateMemberSchema,
} from "@/lib/schemas/households";
import { actionError, type ActionState } from "@/lib/server/action-result";
import { requireActor } from "@/lib/server/auth/current-actor";
import type { Actor } from "@/lib/server/authz";
import { addMember } from "@/lib/server/households/add-member";
import { createHousehold } from "@/lib/server/households/create-household";
import { deactivateMember } from "@/lib/server/households/deactivate-member";
import { setHouseholdStatus } from "@/lib/server/households/set-household-status";
import { updateHousehold } from "@/lib/server/households/update-household";
import { updateMember } from "@/lib/server/households/update-member";
import { requestContextFrom, type RequestContext } from "@/lib/server/request-context";

// What a household form gets back: success, or messages and what was typed (a form is reset
// after its action, so a refused form would otherwise lose the clerk's typing).
export type HouseholdFormState = ActionState & { values?: Record<string, string> };

const NULLABLE = new Set(["groupId", "gender", "headGender", "phone"]);

/** The form's fields as the schema takes them: an empty optional field is "none" or "not given". */
function fields(form: FormData, names: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of names) {
    const value = form.get(name);
    if (typeof value !== "string") continue;
    if (value.trim() !== "") out[name] = value;
    else if (NULLABLE.has(name)) out[name] = null;
  }
  return out;
}

type Run<S extends z.ZodType> = (actor: Actor, id: string, input: z.infer<S>, context: RequestContext) => Promise<unknown>;

/** The five steps of every household action: authenticate, parse, call, revalidate, answer. */
async function act<S extends z.ZodType>(form: FormData, schema: S, names: readonly string[], run: Run<S>): Promise<HouseholdFormState> {
  const actor = await requireActor("households.manage");
  const values = Object.fromEntries(names.flatMap((n) => (typeof form.get(n) === "string" ? [[n, String(form.get(n))]] : [])));
  try {
    const id = IdSchema.parse(form.get("id"));
    await run(actor, id, schema.parse(fields(form, names)), requestContextFrom(await headers()));
    revalidatePath(`/households/${String(form.get("householdId") ?? id)}`);
    return { ok: true };
  } catch (error) {
    return { ...(await actionError(error)), values };
  }
}

export async function createHouseholdAction(_prev: HouseholdFormState, form: FormData): Promise<HouseholdFormState> {
  const actor = await requireActor("households.manage");
  const names = ["headName", "headGender", "headBirthYear", "groupId", "address", "phone", "registeredOn"] as const;
  let id: string;
  try {
    const input = CreateHouseholdSchema.parse(fields(form, names));
    id = (await createHousehold(actor, input, requestContextFrom(await headers()))).id;
  } catch (error) {
    return { ...(await actionError(error)), values: Object.fromEntries(names.map((n) => [n, String(form.get(n) ?? "")])) };
  }
  revalidatePath("/households");
  redirect(`/households/${id}`);
}

export async function updateHouseholdAction(_prev: HouseholdFormState, form: FormData): Promise<HouseholdFormState> {
  return act(form, UpdateHouseholdSchema, ["headName", "groupId", "address", "phone", "reason"], updateHousehold);
}

export async function setHouseholdStatusAction(_prev: HouseholdFormState, form: FormData): Promise<HouseholdFormState> {
  return act(form, SetHouseholdStatusSchema, ["status", "reason"], setHouseholdStatus);
}

export async function addMemberAction(_prev: HouseholdFormState, form: FormData): Promise<HouseholdFormState> {
  return act(form, AddMemberSchema, ["name", "relation", "gender", "birthYear", "reason"], addMember);
}

export async function updateMemberAction(_prev: HouseholdFormState, form: FormData): Promise<HouseholdFormState> {
  return act(form, UpdateMemberSchema, ["name", "relation", "formerHeadRelation", "gender", "birthYear", "reason"], updateMember);
}

export async function deactivateMemberAction(_prev: HouseholdFormState, form: FormData): Promise<HouseholdFormState> {
  return act(form, DeactivateMemberSchema, ["reason"], deactivateMember);
}
