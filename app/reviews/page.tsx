import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { OpenReviewForm } from "@/components/reviews/open-review-form";
import { ReviewCard } from "@/components/reviews/review-card";
import { Pager } from "@/components/ui/pager";
import { withNotice } from "@/components/ui/with-notice";
import { ListReviewsQuerySchema } from "@/lib/schemas/reviews";
import { requireActor } from "@/lib/server/auth/current-actor";
import { can } from "@/lib/server/authz";
import { loadReviewOverview } from "@/lib/server/home/load-review-overview";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata() {
  const t = await getTranslations("reviews");
  return { title: t("title") };
}

/** A clerk's village reviews and the quarters to open; a representative's reviews; the township's for its staff. */
export default withNotice(async function ReviewsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor("reviews.read");
  const { page: rawPage } = await searchParams;
  const parsed = ListReviewsQuerySchema.safeParse({ page: typeof rawPage === "string" ? rawPage : undefined, pageSize: 20 });
  const query = parsed.success ? parsed.data : ListReviewsQuerySchema.parse({ pageSize: 20 });
  const [overview, t] = await Promise.all([loadReviewOverview(actor, query), getTranslations("reviews")]);
  const audience = can(actor, "reviews.manage") ? "clerk" : can(actor, "reviews.vote") ? "representative" : "township";
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <div>
        <h1 className="text-xl font-bold sm:text-2xl">{t("title")}</h1>
        <p className="text-stone-600">{t(`intro.${audience}`)}</p>
      </div>
      {overview.quartersToReview?.map((q) => <OpenReviewForm key={`${q.year}Q${q.quarter}`} {...q} />)}
      {overview.quartersToReview?.length === 0 ? <p className="rounded-md bg-stone-100 p-3 text-stone-700" data-testid="no-quarter">{t("noQuarterToOpen")}</p> : null}
      {overview.items.length === 0 ? (
        <EmptyState testId="reviews-empty" message={t(`empty.${audience}`)} />
      ) : (
        <ul className="space-y-3" data-testid="review-list">
          {overview.items.map((review) => <ReviewCard key={review.id} review={review} showVillage={audience === "township"} />)}
        </ul>
      )}
      <Pager page={overview.page} pageSize={overview.pageSize} total={overview.total} href={(page) => `/reviews?page=${page}`} />
    </div>
  );
});
