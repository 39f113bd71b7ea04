import { getRuleSet as getOperation, updateRuleSet as updateOperation } from "@/lib/api/operations/rule-sets";
import { handle } from "@/lib/server/api/handle";
import { getRuleSet } from "@/lib/server/rule-sets/get-rule-set";
import { updateRuleSet } from "@/lib/server/rule-sets/update-rule-set";

export const GET = handle(getOperation, ({ actor, params }) => getRuleSet(actor, params.id));
export const PATCH = handle(updateOperation, ({ actor, params, body, context }) => updateRuleSet(actor, params.id, body, context));
