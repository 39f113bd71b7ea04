import "server-only";
import { ListReviewsQuerySchema } from "@/lib/schemas/reviews";
import type { Actor } from "@/lib/server/authz";
import { getVillageHome } from "@/lib/server/villages/get-village-home";
import { loadReviewOverview } from "./load-review-overview";

/** Everything the home of a clerk or representative shows, read once by the page. */
export async function loadVillageHome(actor: Actor) {
  const [home, reviews] = await Promise.all([
    getVillageHome(actor),
    loadReviewOverview(actor, ListReviewsQuerySchema.parse({ status: "OPEN" })),
  ]);
  return { ...home, reviews };
}

export type VillageHomeData = Awaited<ReturnType<typeof loadVillageHome>>;
