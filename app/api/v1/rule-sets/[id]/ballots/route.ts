import { castRuleSetBallot as operation } from "@/lib/api/operations/rule-sets";
import { handle } from "@/lib/server/api/handle";
import { castRuleSetBallot } from "@/lib/server/rule-sets/cast-rule-set-ballot";

export const POST = handle(operation, ({ actor, params, body, context }) => castRuleSetBallot(actor, params.id, body, context));
