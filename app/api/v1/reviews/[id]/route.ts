import { getReview as operation } from "@/lib/api/operations/reviews";
import { handle } from "@/lib/server/api/handle";
import { getReview } from "@/lib/server/reviews/get-review";

export const GET = handle(operation, ({ actor, params }) => getReview(actor, params.id));
