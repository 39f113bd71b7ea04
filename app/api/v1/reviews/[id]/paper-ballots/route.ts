import { enterPaperBallot as operation } from "@/lib/api/operations/reviews";
import { handle } from "@/lib/server/api/handle";
import { enterPaperBallot } from "@/lib/server/reviews/enter-paper-ballot";

export const POST = handle(operation, ({ actor, params, body, context }) => enterPaperBallot(actor, params.id, body, context));
