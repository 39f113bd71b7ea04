import { changeMyPassword as operation } from "@/lib/api/operations/me";
import { handle } from "@/lib/server/api/handle";
import { changeMyPassword } from "@/lib/server/accounts/change-password";

export const POST = handle(operation, ({ actor, body, context }) => changeMyPassword(actor, body, context));
