import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { QuorumStatus } from "@/components/reviews/quorum-status";
import { buttonClass } from "@/components/ui/button";
import type { ReviewOverview, ReviewOverviewItem } from "@/lib/server/home/load-review-overview";

/**
 * What waits on the quarterly review, first thing on the home page: for a representative the
 * entries awaiting their vote and the way in; for a clerk the open review's quorum, the next step
 * (attendance until two thirds attend, then closing) and any quarter ready to be reviewed.
 */
export async function ReviewPanel({ reviews, isClerk }: { reviews: ReviewOverview; isClerk: boolean }) {
  const t = await getTranslations("home.reviews");
  const quarters = reviews.quartersToReview ?? [];
  const nothing = reviews.items.length === 0 && quarters.length === 0;
  return (
    <section className="space-y-3" aria-labelledby="home-reviews-title" data-testid="home-reviews">
      <h2 id="home-reviews-title" className="text-lg font-bold">{t("title")}</h2>
      {nothing ? <p className="rounded-md bg-stone-100 p-4 text-stone-700" data-testid="home-reviews-none">{t(isClerk ? "nothingClerk" : "nothingRepresentative")}</p> : null}
      {reviews.items.map((review) => (
        <div key={review.id} className="space-y-3 rounded-lg border-2 border-red-800 bg-white p-4" data-testid="home-open-review">
          <div>
            <p className="text-lg font-bold">{t("open", { year: review.year, quarter: review.quarter })}</p>
            <p className="text-stone-700">{t("entries", { count: review.entries })}</p>
          </div>
          {isClerk ? <ClerkStep review={review} /> : <MyVote review={review} />}
          <Link href={`/reviews/${review.id}`} data-testid="home-review-link" className={buttonClass({ size: "xl", width: "always" })}>
            {isClerk ? t("manage") : (review.awaitingMyVote ?? 0) > 0 ? t("vote") : t("view")}
          </Link>
        </div>
      ))}
      {quarters.map((q) => (
        <div key={`${q.year}Q${q.quarter}`} className="space-y-2 rounded-lg border border-red-200 bg-red-50 p-4" data-testid="home-quarter-ready">
          <p className="font-semibold">{t("ready", { year: q.year, quarter: q.quarter, pending: q.pending })}</p>
          <Link href="/reviews" className={buttonClass({ size: "lg" })}>{t("openIt")}</Link>
        </div>
      ))}
    </section>
  );
}

/** Until two thirds of the roster attend the review cannot close: attendance first, then closing. */
async function ClerkStep({ review }: { review: ReviewOverviewItem }) {
  const t = await getTranslations("home.reviews");
  const met = review.missingForQuorum === 0;
  return (
    <>
      <QuorumStatus review={review} compact />
      <p className={`rounded-md p-3 ${met ? "bg-green-50 text-green-900" : "bg-amber-50 text-amber-900"}`} data-testid="home-review-step">
        {met ? t("readyToClose") : t("needAttendance", { missing: review.missingForQuorum })}{" "}
        <Link href={`/reviews/${review.id}#${met ? "close-title" : "attendance-title"}`} className="inline-flex min-h-11 items-center font-semibold underline">
          {met ? t("goClose") : t("goAttendance")}
        </Link>
      </p>
    </>
  );
}

/** A representative's own part: how many entries wait for their ballot, or that it is cast. */
async function MyVote({ review }: { review: ReviewOverviewItem }) {
  const [t, tr] = await Promise.all([getTranslations("home.reviews"), getTranslations("reviews.detail")]);
  if (review.joinedAfterOpening) return <p className="text-stone-700" data-testid="joined-after-opening">{tr("joinedAfterOpening")}</p>;
  const awaiting = review.awaitingMyVote ?? 0;
  if (review.myBallotCastAt) return <p className="text-2xl font-bold text-green-800" data-testid="awaiting-vote">{t("voted")}</p>;
  if (awaiting === 0) return <p className="text-stone-700" data-testid="awaiting-vote">{t("nothingForYou")}</p>;
  return (
    <div>
      <p className="text-2xl font-bold text-red-800" data-testid="awaiting-vote">{t("awaiting", { count: awaiting })}</p>
      <p className="text-stone-700">{t("notVotedYet")}</p>
    </div>
  );
}
