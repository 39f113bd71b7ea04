"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import {
  AddRuleSchema, CastRuleSetBallotSchema, EnterRuleSetPaperBallotSchema, OpenRuleSetVoteSchema, UpdateRuleSchema, UpdateRuleSetSchema,
} from "@/lib/schemas/rule-sets";
import { actionError, type ActionState } from "@/lib/server/action-result";
import { requireActor } from "@/lib/server/auth/current-actor";
import type { Permission } from "@/lib/server/authz";
import { requestContextFrom, type RequestContext } from "@/lib/server/request-context";
import { addRule } from "@/lib/server/rule-sets/add-rule";
import { castRuleSetBallot } from "@/lib/server/rule-sets/cast-rule-set-ballot";
import { closeRuleSetVote } from "@/lib/server/rule-sets/close-rule-set-vote";
import { enterRuleSetPaperBallot } from "@/lib/server/rule-sets/enter-rule-set-paper-ballot";
import { openRuleSetVote } from "@/lib/server/rule-sets/open-rule-set-vote";
import { removeRule } from "@/lib/server/rule-sets/remove-rule";
import { updateRule } from "@/lib/server/rule-sets/update-rule";
import { updateRuleSet } from "@/lib/server/rule-sets/update-rule-set";

// The rule-set page's forms. Each re-authenticates, parses with the API's schema and calls the
// same use case as the API; fields left empty are sent as absent (or, for optional texts, as
// cleared), so that the schema's messages name them.

export type RuleSetFormState = ActionState & { values?: Record<string, string> };
type Actor = Awaited<ReturnType<typeof requireActor>>;

/** The five steps of every form here; a refused form gets its values back (React resets the form). */
async function perform(
  permission: Permission, ruleSetId: string, values: Record<string, string>,
  run: (actor: Actor, context: RequestContext) => Promise<unknown>,
): Promise<RuleSetFormState> {
  const actor = await requireActor(permission);
  try {
    await run(actor, requestContextFrom(await headers()));
  } catch (error) {
    return { ...(await actionError(error)), values };
  }
  revalidatePath(`/rule-sets/${ruleSetId}`);
  revalidatePath("/rule-sets");
  return { ok: true };
}

/** The named fields of a form; empty ones absent, except those that may be cleared. */
function fields(form: FormData, names: readonly string[], clearable: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = form.get(name);
    if (typeof value === "string" && (value.trim() !== "" || clearable.includes(name))) out[name] = value;
  }
  return out;
}

const RULE_FIELDS = ["code", "category", "title", "description", "marks", "evidenceHint"] as const;

export async function updateRuleSetAction(ruleSetId: string, _prev: RuleSetFormState, form: FormData): Promise<RuleSetFormState> {
  const values = fields(form, ["title", "consultation"], ["consultation"]);
  return perform("ruleSets.manage", ruleSetId, values, (actor, context) => updateRuleSet(actor, ruleSetId, UpdateRuleSetSchema.parse(values), context));
}

export async function addRuleAction(ruleSetId: string, _prev: RuleSetFormState, form: FormData): Promise<RuleSetFormState> {
  const values = fields(form, RULE_FIELDS);
  return perform("ruleSets.manage", ruleSetId, values, (actor, context) => addRule(actor, ruleSetId, AddRuleSchema.parse(values), context));
}

export async function updateRuleAction(ruleSetId: string, ruleId: string, _prev: RuleSetFormState, form: FormData): Promise<RuleSetFormState> {
  const values = fields(form, RULE_FIELDS, ["evidenceHint"]);
  return perform("ruleSets.manage", ruleSetId, values, (actor, context) => updateRule(actor, ruleId, UpdateRuleSchema.parse(values), context));
}

export async function removeRuleAction(ruleSetId: string, ruleId: string): Promise<RuleSetFormState> {
  return perform("ruleSets.manage", ruleSetId, {}, (actor, context) => removeRule(actor, ruleId, context));
}

export async function openRuleSetVoteAction(ruleSetId: string, _prev: RuleSetFormState, form: FormData): Promise<RuleSetFormState> {
  const values = fields(form, ["meetingDate", "effectiveFrom"]);
  return perform("ruleSets.manage", ruleSetId, values, (actor, context) => openRuleSetVote(actor, ruleSetId, OpenRuleSetVoteSchema.parse(values), context));
}

export async function castRuleSetBallotAction(ruleSetId: string, _prev: RuleSetFormState, form: FormData): Promise<RuleSetFormState> {
  const values = fields(form, ["decision"]);
  return perform("ruleSets.vote", ruleSetId, values, (actor, context) => castRuleSetBallot(actor, ruleSetId, CastRuleSetBallotSchema.parse(values), context));
}

export async function enterRuleSetPaperBallotAction(ruleSetId: string, _prev: RuleSetFormState, form: FormData): Promise<RuleSetFormState> {
  const values = fields(form, ["representativeId", "decision"]);
  return perform("ruleSets.manage", ruleSetId, values, (actor, context) =>
    enterRuleSetPaperBallot(actor, ruleSetId, EnterRuleSetPaperBallotSchema.parse(values), context));
}

export async function closeRuleSetVoteAction(ruleSetId: string, villageId: string): Promise<RuleSetFormState> {
  const state = await perform("ruleSets.manage", ruleSetId, {}, (actor, context) => closeRuleSetVote(actor, ruleSetId, context));
  if (state.ok) revalidatePath(`/villages/${villageId}/rules`);
  return state;
}
