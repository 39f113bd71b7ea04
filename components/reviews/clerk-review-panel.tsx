import { getTranslations } from "next-intl/server";
import type { ReviewDetail } from "@/lib/schemas/reviews";
import { AttendanceForm } from "./attendance-form";
import { BallotForm } from "./ballot-form";
import { CloseReviewForm } from "./close-review-form";
import { RosterList } from "./roster-list";

const section = "space-y-3 rounded-lg border border-stone-200 bg-white p-4";

/** The clerk's work on an open review, in the meeting's order: attendance, paper ballots, closing. */
export async function ClerkReviewPanel({ review, today }: { review: ReviewDetail; today: string }) {
  const t = await getTranslations("reviews.clerk");
  const voters = review.rosterMembers.filter((m) => !m.ballotCastAt)
    .map(({ id, displayName, attending }) => ({ id, displayName, attending }))
    .sort((a, b) => Number(b.attending) - Number(a.attending));
  return (
    <div className="space-y-4">
      <section className={section} aria-labelledby="attendance-title">
        <h2 id="attendance-title" className="text-lg font-bold">{t("attendanceTitle")}</h2>
        <AttendanceForm reviewId={review.id} roster={review.rosterMembers} />
      </section>
      <section className={section} aria-labelledby="roster-title">
        <h2 id="roster-title" className="text-lg font-bold">{t("rosterTitle")}</h2>
        <RosterList roster={review.rosterMembers} />
      </section>
      <section className={`${section} border-amber-300`} aria-labelledby="paper-title">
        <details>
          <summary className="min-h-12 cursor-pointer content-center text-lg font-bold" id="paper-title">
            {t("paperTitle")} <span className="ml-1 rounded bg-amber-200 px-2 py-0.5 text-sm text-amber-950">{t("paperBadge")}</span>
          </summary>
          <div className="mt-3">
            {voters.length > 0
              ? <BallotForm reviewId={review.id} items={review.items} paper={{ voters }} />
              : <p className="text-stone-700">{t("allVoted")}</p>}
          </div>
        </details>
      </section>
      <section className={section} aria-labelledby="close-title">
        <h2 id="close-title" className="text-lg font-bold">{t("closeTitle")}</h2>
        <CloseReviewForm review={review} today={today} />
      </section>
    </div>
  );
}
