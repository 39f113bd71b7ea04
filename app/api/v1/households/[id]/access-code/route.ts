import { issueAccessCode as operation } from "@/lib/api/operations/accounts";
import { handle } from "@/lib/server/api/handle";
import { issueAccessCode } from "@/lib/server/accounts/issue-access-code";

export const POST = handle(operation, ({ actor, params, context }) => issueAccessCode(actor, params.id, context));
