import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { dayToDate } from "@/lib/domain/entry-date";
import type { ReviewOverviewItem } from "@/lib/server/home/load-review-overview";
import { QuorumStatus } from "./quorum-status";

type Props = { review: ReviewOverviewItem; showVillage: boolean };

/** One review in a list: its quarter and state, and for a representative what waits for their vote. */
export async function ReviewCard({ review, showVillage }: Props) {
  const [t, format] = await Promise.all([getTranslations("reviews"), getFormatter()]);
  const open = review.status === "OPEN";
  const awaiting = review.awaitingMyVote;
  const title = `${showVillage ? `${review.village.name} · ` : ""}${t("quarterTitle", { year: review.year, quarter: review.quarter })}`;
  if (!open) {
    // A closed review is history: one line to its results and notice.
    return (
      <li data-testid="review-card" data-review-id={review.id} data-status={review.status}>
        <Link href={`/reviews/${review.id}`} data-testid="review-link"
          className="flex min-h-14 items-center justify-between gap-3 rounded-lg border border-stone-200 bg-white px-4 py-3 hover:border-red-800">
          <span>
            <span className="block font-semibold">{title}</span>
            <span className="block text-sm text-stone-600">
              {t("card.closed", { date: review.meetingDate ? format.dateTime(dayToDate(review.meetingDate), { dateStyle: "long" }) : "", count: review.entries })}
            </span>
          </span>
          <span className="shrink-0 text-red-800">{t("card.results")}</span>
        </Link>
      </li>
    );
  }
  return (
    <li className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 shadow-sm" data-testid="review-card" data-review-id={review.id} data-status={review.status}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-lg font-bold">{title}</h2>
        <span className="rounded bg-amber-100 px-2 py-0.5 text-sm font-semibold text-amber-900">{t(`status.${review.status}`)}</span>
      </div>
      <p className="text-stone-700">{t("card.entries", { count: review.entries })}</p>
      <QuorumStatus review={review} compact />
      {review.joinedAfterOpening ? <p className="text-stone-700" data-testid="joined-after-opening">{t("detail.joinedAfterOpening")}</p> : null}
      {awaiting !== null ? (
        <p className={`text-lg font-semibold ${awaiting > 0 ? "text-red-800" : "text-green-800"}`} data-testid="awaiting-vote">
          {awaiting > 0 ? t("card.awaiting", { count: awaiting }) : t("card.voted")}
        </p>
      ) : null}
      <Link href={`/reviews/${review.id}`} data-testid="review-link"
        className={buttonClass({ tone: awaiting ? "primary" : "plain", size: "lg", width: "always" })}>
        {awaiting ? t("card.vote") : t("card.view")}
      </Link>
    </li>
  );
}
