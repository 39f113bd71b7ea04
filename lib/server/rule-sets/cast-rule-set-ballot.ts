import "server-only";
import type { CastRuleSetBallotInput, RuleSetDetail } from "@/lib/schemas/rule-sets";
import type { Actor } from "@/lib/server/authz";
import { loadRuleSetTarget } from "@/lib/server/authz/targets";
import type { RequestContext } from "@/lib/server/request-context";
import { getRuleSet } from "./get-rule-set";
import { recordRuleSetBallot } from "./record-rule-set-ballot";

/** A representative votes for, against or abstains on the version put to the assembly, once. */
export async function castRuleSetBallot(actor: Actor, ruleSetId: string, input: CastRuleSetBallotInput, context: RequestContext): Promise<RuleSetDetail> {
  const target = await loadRuleSetTarget(actor, "ruleSets.vote", ruleSetId);
  await recordRuleSetBallot(actor, target, { representativeId: actor.id, decision: input.decision, enteredBy: null }, context);
  return getRuleSet(actor, ruleSetId);
}
