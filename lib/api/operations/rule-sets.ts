import { z } from "zod";
import { defineOperation } from "@/lib/api/operation";
import { IdParamsSchema } from "@/lib/schemas/common";
import { RuleSchema } from "@/lib/schemas/entries";
import {
  AddRuleSchema, CastRuleSetBallotSchema, DraftRuleSetSchema, EnterRuleSetPaperBallotSchema, ListRuleSetsQuerySchema,
  OpenRuleSetVoteSchema, PublicRulesSchema, RuleSetDetailSchema, RuleSetPageSchema, UpdateRuleSchema, UpdateRuleSetSchema,
} from "@/lib/schemas/rule-sets";

// Village rules: the council drafts, the representative assembly votes (DESIGN.md "RuleSet").

export const listRuleSets = defineOperation({
  id: "listRuleSets", method: "GET", path: "/villages/{id}/rule-sets", tag: "rule-sets", permission: "ruleSets.read",
  summary: "The village's rule-set versions, newest first, with the one in force today marked",
  params: IdParamsSchema, query: ListRuleSetsQuerySchema, response: RuleSetPageSchema,
});

export const draftRuleSet = defineOperation({
  id: "draftRuleSet", method: "POST", path: "/villages/{id}/rule-sets", tag: "rule-sets", permission: "ruleSets.manage", status: 201,
  summary: "Draft the next version from the one adopted last (its rules copied); 409 while another version is drafted or voted on",
  params: IdParamsSchema, body: DraftRuleSetSchema, response: RuleSetDetailSchema,
});

export const getRuleSet = defineOperation({
  id: "getRuleSet", method: "GET", path: "/rule-sets/{id}", tag: "rule-sets", permission: "ruleSets.read",
  summary: "One version with its rules and its vote (quorum, ballots cast, tally once closed, effective dates)",
  params: IdParamsSchema, response: RuleSetDetailSchema,
});

export const updateRuleSet = defineOperation({
  id: "updateRuleSet", method: "PATCH", path: "/rule-sets/{id}", tag: "rule-sets", permission: "ruleSets.manage",
  summary: "Change a draft's title or the record of how villagers were consulted; 422 once it is no longer a draft",
  params: IdParamsSchema, body: UpdateRuleSetSchema, response: RuleSetDetailSchema,
});

export const addRule = defineOperation({
  id: "addRule", method: "POST", path: "/rule-sets/{id}/rules", tag: "rule-sets", permission: "ruleSets.manage", status: 201,
  summary: "Add a rule to a draft; codes are unique in the set (409)",
  params: IdParamsSchema, body: AddRuleSchema, response: RuleSchema,
});

export const updateRule = defineOperation({
  id: "updateRule", method: "PATCH", path: "/rules/{id}", tag: "rule-sets", permission: "ruleSets.manage",
  summary: "Amend a rule of a draft; rules of versions put to the vote never change (422)",
  params: IdParamsSchema, body: UpdateRuleSchema, response: RuleSchema,
});

export const removeRule = defineOperation({
  id: "removeRule", method: "DELETE", path: "/rules/{id}", tag: "rule-sets", permission: "ruleSets.manage", status: 204,
  summary: "Remove a rule from a draft (422 once the version is put to the vote)",
  params: IdParamsSchema, response: z.null(),
});

export const openRuleSetVote = defineOperation({
  id: "openRuleSetVote", method: "POST", path: "/rule-sets/{id}/vote", tag: "rule-sets", permission: "ruleSets.manage",
  summary: "Put a draft to the representative assembly: the text is frozen, the quorum's base fixed at the active representatives",
  params: IdParamsSchema, body: OpenRuleSetVoteSchema, response: RuleSetDetailSchema,
});

export const castRuleSetBallot = defineOperation({
  id: "castRuleSetBallot", method: "POST", path: "/rule-sets/{id}/ballots", tag: "rule-sets", permission: "ruleSets.vote", status: 201,
  summary: "A representative votes for, against or abstains, once (409 on a second ballot)",
  params: IdParamsSchema, body: CastRuleSetBallotSchema, response: RuleSetDetailSchema,
});

export const enterRuleSetPaperBallot = defineOperation({
  id: "enterRuleSetPaperBallot", method: "POST", path: "/rule-sets/{id}/paper-ballots", tag: "rule-sets", permission: "ruleSets.manage", status: 201,
  summary: "A clerk enters a representative's decision from the meeting's paper record",
  params: IdParamsSchema, body: EnterRuleSetPaperBallotSchema, response: RuleSetDetailSchema,
});

export const closeRuleSetVote = defineOperation({
  id: "closeRuleSetVote", method: "POST", path: "/rule-sets/{id}/vote/close", tag: "rule-sets", permission: "ruleSets.manage",
  summary: "Close the vote: 422 without a quorum of two thirds; more than half of the attendees approving adopts it (the previous version superseded from its effective date), otherwise rejected",
  params: IdParamsSchema, response: RuleSetDetailSchema,
});

export const getPublicRules = defineOperation({
  id: "getPublicRules", method: "GET", path: "/public/villages/{id}/rules", tag: "rule-sets", permission: null,
  summary: "Anyone: the village's rules in force today, and when and how the representative assembly adopted them",
  params: IdParamsSchema, response: PublicRulesSchema,
});
