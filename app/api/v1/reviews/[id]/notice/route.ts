import { getReviewNotice as operation } from "@/lib/api/operations/reviews";
import { handle } from "@/lib/server/api/handle";
import { getReviewNotice } from "@/lib/server/reviews/get-review-notice";

export const GET = handle(operation, ({ params }) => getReviewNotice(params.id));
