"use server";

import { z } from "zod";
import { IdSchema } from "@/lib/schemas/common";
import { DecideNominationSchema, NominateSchema, WithdrawAwardSchema, WithdrawNominationSchema } from "@/lib/schemas/selection";
import { defineAction } from "@/lib/server/actions/define-action";
import { decideNomination } from "@/lib/server/selection/decide-nomination";
import { nominate } from "@/lib/server/selection/nominate";
import { withdrawAward } from "@/lib/server/selection/withdraw-award";
import { withdrawNomination } from "@/lib/server/selection/withdraw-nomination";

const selectionPaths = (householdId: string) => ["/selection", `/households/${householdId}`, "/honour", "/"];

export const nominateAction = defineAction({
  permission: "selection.nominate",
  args: z.tuple([IdSchema, z.int()]),
  schema: NominateSchema,
  keep: true,
  input: (fields, { args: [householdId, year] }) => ({ ...fields, householdId, year }),
  run: ({ actor, input, context }) => nominate(actor, input, context),
  revalidate: (_, { input }) => selectionPaths(input.householdId),
});

export const withdrawNominationAction = defineAction({
  permission: "selection.nominate",
  args: z.tuple([IdSchema]),
  schema: WithdrawNominationSchema,
  keep: true,
  run: ({ actor, args: [awardId], input, context }) => withdrawNomination(actor, awardId, input, context),
  revalidate: (withdrawn) => selectionPaths(withdrawn.household.id),
});

export const decideNominationAction = defineAction({
  permission: "selection.decide",
  args: z.tuple([IdSchema]),
  schema: DecideNominationSchema,
  keep: true,
  run: ({ actor, args: [awardId], input, context }) => decideNomination(actor, awardId, input, context),
  revalidate: (decided) => selectionPaths(decided.household.id),
});

export const withdrawAwardAction = defineAction({
  permission: "selection.decide",
  args: z.tuple([IdSchema]),
  schema: WithdrawAwardSchema,
  keep: true,
  run: ({ actor, args: [awardId], input, context }) => withdrawAward(actor, awardId, input, context),
  revalidate: (withdrawn) => selectionPaths(withdrawn.household.id),
});
