"use server";

import { z } from "zod";
import { IdSchema } from "@/lib/schemas/common";
import {
  AddMemberSchema, CreateHouseholdSchema, DeactivateMemberSchema, SetHouseholdStatusSchema, UpdateHouseholdSchema,
  UpdateMemberSchema,
} from "@/lib/schemas/households";
import { defineAction } from "@/lib/server/actions/define-action";
import { formFields } from "@/lib/server/actions/form-fields";
import type { Actor } from "@/lib/server/authz";
import { addMember } from "@/lib/server/households/add-member";
import { createHousehold } from "@/lib/server/households/create-household";
import { deactivateMember } from "@/lib/server/households/deactivate-member";
import { setHouseholdStatus } from "@/lib/server/households/set-household-status";
import { updateHousehold } from "@/lib/server/households/update-household";
import { updateMember } from "@/lib/server/households/update-member";
import type { RequestContext } from "@/lib/server/request-context";

// The household page's forms name what they change in hidden fields: `id` (the household or
// the member) and, for a member, `householdId` (the page to refresh). A refused form gets back
// what was typed.
const TargetSchema = z.object({ id: IdSchema, householdId: IdSchema.optional() });

type Change<S extends z.ZodType> = (actor: Actor, id: string, input: z.output<S>, context: RequestContext) => Promise<unknown>;

function householdAction<S extends z.ZodType>(schema: S, change: Change<S>) {
  return defineAction({
    permission: "households.manage",
    schema,
    keep: true,
    run: async ({ actor, input, context, form }) => {
      const target = TargetSchema.parse(formFields(form, TargetSchema));
      await change(actor, target.id, input, context);
      return target.householdId ?? target.id;
    },
    revalidate: (householdId) => [`/households/${householdId}`],
  });
}

export const createHouseholdAction = defineAction({
  permission: "households.manage",
  schema: CreateHouseholdSchema,
  keep: true,
  run: ({ actor, input, context }) => createHousehold(actor, input, context),
  revalidate: ["/households"],
  redirect: (household) => `/households/${household.id}`,
});

export const updateHouseholdAction = householdAction(UpdateHouseholdSchema, updateHousehold);
export const setHouseholdStatusAction = householdAction(SetHouseholdStatusSchema, setHouseholdStatus);
export const addMemberAction = householdAction(AddMemberSchema, addMember);
export const updateMemberAction = householdAction(UpdateMemberSchema, updateMember);
export const deactivateMemberAction = householdAction(DeactivateMemberSchema, deactivateMember);
