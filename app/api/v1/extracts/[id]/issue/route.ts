import { issueExtract as operation } from "@/lib/api/operations/extracts";
import { handle } from "@/lib/server/api/handle";
import { issueExtract } from "@/lib/server/extracts/issue-extract";

export const POST = handle(operation, ({ actor, params, context }) => issueExtract(actor, params.id, context));
