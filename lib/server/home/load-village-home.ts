import "server-only";
import { ListReviewsQuerySchema } from "@/lib/schemas/reviews";
import { villageIdOf, type Actor } from "@/lib/server/authz";
import { getVillageHome } from "@/lib/server/villages/get-village-home";
import { countVillageTasks } from "./count-village-tasks";
import { loadReviewOverview } from "./load-review-overview";

/** Everything the home of a clerk or representative shows, read once by the page. */
export async function loadVillageHome(actor: Actor, now: Date = new Date()) {
  const [{ village, totals }, reviews, tasks] = await Promise.all([
    getVillageHome(actor),
    loadReviewOverview(actor, ListReviewsQuerySchema.parse({ status: "OPEN" })),
    countVillageTasks(actor, villageIdOf(actor), now),
  ]);
  return { village, totals, reviews, tasks };
}

export type VillageHomeData = Awaited<ReturnType<typeof loadVillageHome>>;
