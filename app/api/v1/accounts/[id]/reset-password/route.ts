import { resetAccountPassword as operation } from "@/lib/api/operations/accounts";
import { handle } from "@/lib/server/api/handle";
import { resetAccountPassword } from "@/lib/server/accounts/reset-password";

export const POST = handle(operation, ({ actor, params, context }) => resetAccountPassword(actor, params.id, context));
