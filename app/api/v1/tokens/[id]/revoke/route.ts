import { revokeToken as operation } from "@/lib/api/operations/tokens";
import { handle } from "@/lib/server/api/handle";
import { revokeToken } from "@/lib/server/tokens/revoke-token";

export const POST = handle(operation, ({ actor, params, context }) => revokeToken(actor, params.id, context));
