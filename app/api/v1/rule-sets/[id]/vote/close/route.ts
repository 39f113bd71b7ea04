import { closeRuleSetVote as operation } from "@/lib/api/operations/rule-sets";
import { handle } from "@/lib/server/api/handle";
import { closeRuleSetVote } from "@/lib/server/rule-sets/close-rule-set-vote";

export const POST = handle(operation, ({ actor, params, context }) => closeRuleSetVote(actor, params.id, context));
