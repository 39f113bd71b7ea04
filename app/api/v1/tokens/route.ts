import { createToken as create, listMyTokens as list } from "@/lib/api/operations/tokens";
import { handle } from "@/lib/server/api/handle";
import { createToken } from "@/lib/server/tokens/create-token";
import { listMyTokens } from "@/lib/server/tokens/list-my-tokens";

export const GET = handle(list, ({ actor, query }) => listMyTokens(actor, query));
export const POST = handle(create, ({ actor, body, context }) => createToken(actor, body, context));
