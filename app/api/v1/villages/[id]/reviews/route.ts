import { listVillageReviews, openReview as openOperation } from "@/lib/api/operations/reviews";
import { handle } from "@/lib/server/api/handle";
import { listReviews } from "@/lib/server/reviews/list-reviews";
import { openReview } from "@/lib/server/reviews/open-review";

export const GET = handle(listVillageReviews, ({ actor, params, query }) => listReviews(actor, query, params.id));
export const POST = handle(openOperation, ({ actor, params, body, context }) => openReview(actor, params.id, body, context));
