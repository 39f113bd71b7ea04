import { deactivateAccount } from "@/lib/api/operations/accounts";
import { handle } from "@/lib/server/api/handle";
import { setAccountActive } from "@/lib/server/accounts/set-account-active";

export const POST = handle(deactivateAccount, ({ actor, params, context }) => setAccountActive(actor, params.id, false, context));
