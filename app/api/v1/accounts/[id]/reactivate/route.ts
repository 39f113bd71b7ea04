import { reactivateAccount } from "@/lib/api/operations/accounts";
import { handle } from "@/lib/server/api/handle";
import { setAccountActive } from "@/lib/server/accounts/set-account-active";

export const POST = handle(reactivateAccount, ({ actor, params, context }) => setAccountActive(actor, params.id, true, context));
