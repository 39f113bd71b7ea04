import { getAccount as getOperation, updateAccount as updateOperation } from "@/lib/api/operations/accounts";
import { handle } from "@/lib/server/api/handle";
import { getAccount } from "@/lib/server/accounts/get-account";
import { updateAccount } from "@/lib/server/accounts/update-account";

export const GET = handle(getOperation, ({ actor, params }) => getAccount(actor, params.id));
export const PATCH = handle(updateOperation, ({ actor, params, body, context }) => updateAccount(actor, params.id, body, context));
