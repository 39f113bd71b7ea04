import { createAccount as createOperation, listAccounts as listOperation } from "@/lib/api/operations/accounts";
import { handle } from "@/lib/server/api/handle";
import { createAccount } from "@/lib/server/accounts/create-account";
import { listAccounts } from "@/lib/server/accounts/list-accounts";

export const GET = handle(listOperation, ({ actor, query }) => listAccounts(actor, query));
export const POST = handle(createOperation, ({ actor, body, context }) => createAccount(actor, body, context));
