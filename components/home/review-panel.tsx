import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { QuorumStatus } from "@/components/reviews/quorum-status";
import type { ReviewOverview } from "@/lib/server/home/load-review-overview";

/**
 * What waits on the quarterly review, first thing on the home page: for a representative the
 * entries awaiting their vote and the way in; for a clerk the open review's quorum and any
 * quarter ready to be reviewed.
 */
export async function ReviewPanel({ reviews, isClerk }: { reviews: ReviewOverview; isClerk: boolean }) {
  const [t, tr] = await Promise.all([getTranslations("home.reviews"), getTranslations("reviews.detail")]);
  const quarters = reviews.quartersToReview ?? [];
  const nothing = reviews.items.length === 0 && quarters.length === 0;
  return (
    <section className="space-y-3" aria-labelledby="home-reviews-title" data-testid="home-reviews">
      <h2 id="home-reviews-title" className="text-lg font-bold">{t("title")}</h2>
      {nothing ? <p className="rounded-md bg-stone-100 p-4 text-stone-700">{t(isClerk ? "nothingClerk" : "nothingRepresentative")}</p> : null}
      {reviews.items.map((review) => {
        const awaiting = review.awaitingMyVote ?? 0;
        return (
          <div key={review.id} className="space-y-3 rounded-lg border-2 border-red-800 bg-white p-4" data-testid="home-open-review">
            <p className="text-lg font-bold">{t("open", { year: review.year, quarter: review.quarter })}</p>
            {isClerk ? <QuorumStatus review={review} compact /> : review.joinedAfterOpening ? (
              <p className="text-stone-700" data-testid="joined-after-opening">{tr("joinedAfterOpening")}</p>
            ) : (
              <p className={`text-2xl font-bold ${awaiting > 0 ? "text-red-800" : "text-green-800"}`} data-testid="awaiting-vote">
                {awaiting > 0 ? t("awaiting", { count: awaiting }) : t("voted")}
              </p>
            )}
            <Link href={`/reviews/${review.id}`} data-testid="home-review-link"
              className="flex min-h-14 items-center justify-center rounded-md bg-red-800 px-6 text-xl font-bold text-white">
              {isClerk ? t("manage") : awaiting > 0 && !review.joinedAfterOpening ? t("vote") : t("view")}
            </Link>
          </div>
        );
      })}
      {quarters.map((q) => (
        <div key={`${q.year}Q${q.quarter}`} className="space-y-2 rounded-lg border border-red-200 bg-red-50 p-4" data-testid="home-quarter-ready">
          <p className="font-semibold">{t("ready", { year: q.year, quarter: q.quarter, pending: q.pending })}</p>
          <Link href="/reviews" className="inline-flex min-h-12 items-center rounded-md bg-red-800 px-5 text-lg font-semibold text-white">{t("openIt")}</Link>
        </div>
      ))}
    </section>
  );
}
