import { listMySignIns as operation } from "@/lib/api/operations/me";
import { handle } from "@/lib/server/api/handle";
import { listMySignIns } from "@/lib/server/accounts/list-my-sign-ins";

export const GET = handle(operation, ({ actor, query }) => listMySignIns(actor, query));
