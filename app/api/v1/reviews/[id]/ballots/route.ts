import { castBallot as operation } from "@/lib/api/operations/reviews";
import { handle } from "@/lib/server/api/handle";
import { castBallot } from "@/lib/server/reviews/cast-ballot";

export const POST = handle(operation, ({ actor, params, body, context }) => castBallot(actor, params.id, body, context));
