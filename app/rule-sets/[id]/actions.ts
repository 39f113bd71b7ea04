"use server";

import { z } from "zod";
import { IdSchema } from "@/lib/schemas/common";
import {
  AddRuleSchema, CastRuleSetBallotSchema, EnterRuleSetPaperBallotSchema, OpenRuleSetVoteSchema, UpdateRuleSchema, UpdateRuleSetSchema,
} from "@/lib/schemas/rule-sets";
import { defineAction } from "@/lib/server/actions/define-action";
import { addRule } from "@/lib/server/rule-sets/add-rule";
import { castRuleSetBallot } from "@/lib/server/rule-sets/cast-rule-set-ballot";
import { closeRuleSetVote } from "@/lib/server/rule-sets/close-rule-set-vote";
import { enterRuleSetPaperBallot } from "@/lib/server/rule-sets/enter-rule-set-paper-ballot";
import { openRuleSetVote } from "@/lib/server/rule-sets/open-rule-set-vote";
import { removeRule } from "@/lib/server/rule-sets/remove-rule";
import { updateRule } from "@/lib/server/rule-sets/update-rule";
import { updateRuleSet } from "@/lib/server/rule-sets/update-rule-set";

// The rule-set page's forms, calling the same use cases as the API. Each is bound to its rule
// set (and rule); a refused form gets back what was typed.
const RuleSetArgs = z.tuple([IdSchema]);
const RuleArgs = z.tuple([IdSchema, IdSchema]); // the rule set, the rule
const ruleSetPaths = (ruleSetId: string) => [`/rule-sets/${ruleSetId}`, "/rule-sets"];

export const updateRuleSetAction = defineAction({
  permission: "ruleSets.manage",
  args: RuleSetArgs,
  schema: UpdateRuleSetSchema,
  keep: true,
  run: ({ actor, args: [ruleSetId], input, context }) => updateRuleSet(actor, ruleSetId, input, context),
  revalidate: (_, { args: [ruleSetId] }) => ruleSetPaths(ruleSetId),
});

export const addRuleAction = defineAction({
  permission: "ruleSets.manage",
  args: RuleSetArgs,
  schema: AddRuleSchema,
  keep: true,
  run: ({ actor, args: [ruleSetId], input, context }) => addRule(actor, ruleSetId, input, context),
  revalidate: (_, { args: [ruleSetId] }) => ruleSetPaths(ruleSetId),
});

export const updateRuleAction = defineAction({
  permission: "ruleSets.manage",
  args: RuleArgs,
  schema: UpdateRuleSchema,
  keep: true,
  run: ({ actor, args: [, ruleId], input, context }) => updateRule(actor, ruleId, input, context),
  revalidate: (_, { args: [ruleSetId] }) => ruleSetPaths(ruleSetId),
});

export const removeRuleAction = defineAction({
  permission: "ruleSets.manage",
  args: RuleArgs,
  run: ({ actor, args: [, ruleId], context }) => removeRule(actor, ruleId, context),
  revalidate: (_, { args: [ruleSetId] }) => ruleSetPaths(ruleSetId),
});

export const openRuleSetVoteAction = defineAction({
  permission: "ruleSets.manage",
  args: RuleSetArgs,
  schema: OpenRuleSetVoteSchema,
  keep: true,
  run: ({ actor, args: [ruleSetId], input, context }) => openRuleSetVote(actor, ruleSetId, input, context),
  revalidate: (_, { args: [ruleSetId] }) => ruleSetPaths(ruleSetId),
});

export const castRuleSetBallotAction = defineAction({
  permission: "ruleSets.vote",
  args: RuleSetArgs,
  schema: CastRuleSetBallotSchema,
  keep: true,
  run: ({ actor, args: [ruleSetId], input, context }) => castRuleSetBallot(actor, ruleSetId, input, context),
  revalidate: (_, { args: [ruleSetId] }) => ruleSetPaths(ruleSetId),
});

export const enterRuleSetPaperBallotAction = defineAction({
  permission: "ruleSets.manage",
  args: RuleSetArgs,
  schema: EnterRuleSetPaperBallotSchema,
  keep: true,
  run: ({ actor, args: [ruleSetId], input, context }) => enterRuleSetPaperBallot(actor, ruleSetId, input, context),
  revalidate: (_, { args: [ruleSetId] }) => ruleSetPaths(ruleSetId),
});

// Adopting a rule set changes the rules the village's public page shows.
export const closeRuleSetVoteAction = defineAction({
  permission: "ruleSets.manage",
  args: z.tuple([IdSchema, IdSchema]), // the rule set, its village
  run: ({ actor, args: [ruleSetId], context }) => closeRuleSetVote(actor, ruleSetId, context),
  revalidate: (_, { args: [ruleSetId, villageId] }) => [...ruleSetPaths(ruleSetId), `/villages/${villageId}/rules`],
});
