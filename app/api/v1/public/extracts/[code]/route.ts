import { verifyExtract as operation } from "@/lib/api/operations/extracts";
import { handle } from "@/lib/server/api/handle";
import { verifyExtractCode } from "@/lib/server/extracts/verify-extract-code";

// Public: no sign-in. Rate-limited per address; any code not issued answers the same 404.
export const GET = handle(operation, ({ params, query, context }) => verifyExtractCode(params.code, query.s, context));
