import { getFormatter, getTranslations } from "next-intl/server";
import { dayToDate } from "@/lib/domain/entry-date";
import type { ReviewDetail } from "@/lib/schemas/reviews";
import { QuorumStatus } from "./quorum-status";

/** Which review this is, whether it is open, and the meeting's quorum. */
export async function ReviewHeader({ review }: { review: ReviewDetail }) {
  const [t, format] = await Promise.all([getTranslations("reviews"), getFormatter()]);
  const open = review.status === "OPEN";
  return (
    <div className="space-y-3">
      <div>
        <p className="text-sm text-stone-600">{review.village.name}</p>
        <h1 className="text-xl font-bold sm:text-2xl">{t("quarterTitle", { year: review.year, quarter: review.quarter })}</h1>
        <p className="text-stone-700" data-testid="review-state">
          <span className={`mr-2 rounded px-2 py-0.5 text-sm font-semibold ${open ? "bg-amber-100 text-amber-900" : "bg-stone-200 text-stone-800"}`}>{t(`status.${review.status}`)}</span>
          {open
            ? t("detail.openedAt", { date: format.dateTime(new Date(review.openedAt), { dateStyle: "medium" }), count: review.entries })
            : t("detail.closedOn", { date: review.meetingDate ? format.dateTime(dayToDate(review.meetingDate), { dateStyle: "long" }) : "", count: review.entries })}
        </p>
      </div>
      <QuorumStatus review={review} />
    </div>
  );
}
