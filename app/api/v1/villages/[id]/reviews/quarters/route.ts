import { listQuartersToReview as operation } from "@/lib/api/operations/reviews";
import { slicePage } from "@/lib/server/paging";
import { handle } from "@/lib/server/api/handle";
import { listQuartersToReview } from "@/lib/server/reviews/list-quarters-to-review";

export const GET = handle(operation, async ({ actor, params, query }) => slicePage(await listQuartersToReview(actor, params.id), query));
