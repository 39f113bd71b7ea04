import { getTranslations } from "next-intl/server";
import { BallotForm } from "@/components/reviews/ballot-form";
import { ClerkReviewPanel } from "@/components/reviews/clerk-review-panel";
import { MyBallot } from "@/components/reviews/my-ballot";
import { ReviewEntries } from "@/components/reviews/review-entries";
import { ReviewHeader } from "@/components/reviews/review-header";
import { ReviewResults } from "@/components/reviews/review-results";
import { RosterList } from "@/components/reviews/roster-list";
import { withNotice } from "@/components/ui/with-notice";
import { chinaToday } from "@/lib/domain/entry-date";
import { IdSchema } from "@/lib/schemas/common";
import { requireActor } from "@/lib/server/auth/current-actor";
import { can } from "@/lib/server/authz";
import { AppError } from "@/lib/server/errors";
import { isOnRoster } from "@/lib/server/home/load-review-overview";
import { getReview } from "@/lib/server/reviews/get-review";

type Params = Promise<{ id: string }>;

export async function generateMetadata() {
  const t = await getTranslations("reviews");
  return { title: t("title") };
}

/** One review: a representative votes, a clerk runs the meeting, everyone sees the results once closed. */
export default withNotice(async function ReviewPage({ params }: { params: Params }) {
  const actor = await requireActor("reviews.read");
  const id = IdSchema.safeParse((await params).id);
  if (!id.success) throw new AppError("NOT_FOUND", "errors.notFound");
  const review = await getReview(actor, id.data);
  const t = await getTranslations("reviews.detail");
  return (
    <div className="mx-auto max-w-3xl space-y-4" data-testid="review-page">
      <ReviewHeader review={review} />
      {review.status === "CLOSED" ? <ReviewResults review={review} />
        : can(actor, "reviews.vote") && isOnRoster(actor, review) ? (
          review.myBallotCastAt ? <MyBallot review={review} /> : <BallotForm reviewId={review.id} items={review.items} />
        ) : can(actor, "reviews.manage") ? <ClerkReviewPanel review={review} today={chinaToday(new Date())} />
          : (
            <>
              {can(actor, "reviews.vote") ? (
                <p className="rounded-md bg-amber-50 p-3 text-amber-900" data-testid="joined-after-opening">{t("joinedAfterOpening")}</p>
              ) : null}
              <h2 className="text-lg font-bold">{t("rosterTitle")}</h2>
              <RosterList roster={review.rosterMembers} />
              <h2 className="text-lg font-bold">{t("entriesTitle")}</h2>
              <ReviewEntries items={review.items} />
            </>
          )}
    </div>
  );
});
