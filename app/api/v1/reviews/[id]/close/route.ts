import { closeReview as operation } from "@/lib/api/operations/reviews";
import { handle } from "@/lib/server/api/handle";
import { closeReview } from "@/lib/server/reviews/close-review";

export const POST = handle(operation, ({ actor, params, body, context }) => closeReview(actor, params.id, body, context));
