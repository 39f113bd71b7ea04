import "server-only";
import type { EnterRuleSetPaperBallotInput, RuleSetDetail } from "@/lib/schemas/rule-sets";
import type { Actor } from "@/lib/server/authz";
import { loadRuleSetTarget } from "@/lib/server/authz/targets";
import type { RequestContext } from "@/lib/server/request-context";
import { getRuleSet } from "./get-rule-set";
import { recordRuleSetBallot } from "./record-rule-set-ballot";

/**
 * A clerk enters a representative's decision from the meeting's paper record (a show of hands
 * or a ballot paper), for representatives without a phone. The ballot and its audit record say
 * who entered it.
 */
export async function enterRuleSetPaperBallot(
  actor: Actor, ruleSetId: string, input: EnterRuleSetPaperBallotInput, context: RequestContext,
): Promise<RuleSetDetail> {
  const target = await loadRuleSetTarget(actor, "ruleSets.manage", ruleSetId);
  await recordRuleSetBallot(actor, target, { representativeId: input.representativeId, decision: input.decision, enteredBy: actor }, context);
  return getRuleSet(actor, ruleSetId);
}
