import { draftRuleSet as draftOperation, listRuleSets as listOperation } from "@/lib/api/operations/rule-sets";
import { handle } from "@/lib/server/api/handle";
import { draftRuleSet } from "@/lib/server/rule-sets/draft-rule-set";
import { listRuleSets } from "@/lib/server/rule-sets/list-rule-sets";

export const GET = handle(listOperation, ({ actor, params, query }) => listRuleSets(actor, params.id, query));
export const POST = handle(draftOperation, ({ actor, params, body, context }) => draftRuleSet(actor, params.id, body, context));
