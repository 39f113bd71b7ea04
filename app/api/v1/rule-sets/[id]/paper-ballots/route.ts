import { enterRuleSetPaperBallot as operation } from "@/lib/api/operations/rule-sets";
import { handle } from "@/lib/server/api/handle";
import { enterRuleSetPaperBallot } from "@/lib/server/rule-sets/enter-rule-set-paper-ballot";

export const POST = handle(operation, ({ actor, params, body, context }) => enterRuleSetPaperBallot(actor, params.id, body, context));
