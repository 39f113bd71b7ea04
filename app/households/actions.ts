"use server";

import { z } from "zod";
import { IdSchema } from "@/lib/schemas/common";
import {
  AddMemberSchema, CreateHouseholdSchema, DeactivateMemberSchema, SetHouseholdStatusSchema, UpdateHouseholdSchema,
  UpdateMemberSchema,
} from "@/lib/schemas/households";
import { defineAction } from "@/lib/server/actions/define-action";
import type { Actor } from "@/lib/server/authz";
import { addMember } from "@/lib/server/households/add-member";
import { createHousehold } from "@/lib/server/households/create-household";
import { deactivateMember } from "@/lib/server/households/deactivate-member";
import { setHouseholdStatus } from "@/lib/server/households/set-household-status";
import { updateHousehold } from "@/lib/server/households/update-household";
import { updateMember } from "@/lib/server/households/update-member";
import type { RequestContext } from "@/lib/server/request-context";

// The household page's forms are bound to what they change (`action.bind(null, id)`): the
// household, or for a correction or departure, the member. The page refreshed is the household's
// the use case answers for. A refused form gets back what was typed.

type Change<S extends z.ZodType, R> = (actor: Actor, id: string, input: z.output<S>, context: RequestContext) => Promise<R>;

function householdAction<S extends z.ZodType, R>(schema: S, change: Change<S, R>, householdOf: (result: R) => string) {
  return defineAction({
    permission: "households.manage",
    args: z.tuple([IdSchema]),
    schema,
    keep: true,
    run: ({ actor, args: [id], input, context }) => change(actor, id, input, context),
    revalidate: (result) => [`/households/${householdOf(result)}`],
  });
}

const ofHousehold = (changed: { id: string }) => changed.id;
const ofMember = (changed: { householdId: string }) => changed.householdId;

export const createHouseholdAction = defineAction({
  permission: "households.manage",
  schema: CreateHouseholdSchema,
  keep: true,
  run: ({ actor, input, context }) => createHousehold(actor, input, context),
  revalidate: ["/households"],
  redirect: (household) => `/households/${household.id}`,
});

export const updateHouseholdAction = householdAction(UpdateHouseholdSchema, updateHousehold, ofHousehold);
export const setHouseholdStatusAction = householdAction(SetHouseholdStatusSchema, setHouseholdStatus, ofHousehold);
export const addMemberAction = householdAction(AddMemberSchema, addMember, ofMember);
export const updateMemberAction = householdAction(UpdateMemberSchema, updateMember, ofMember);
export const deactivateMemberAction = householdAction(DeactivateMemberSchema, deactivateMember, ofMember);
