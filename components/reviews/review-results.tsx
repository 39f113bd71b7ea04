import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { dayToDate } from "@/lib/domain/entry-date";
import type { ReviewDetail } from "@/lib/schemas/reviews";
import { DecisionBadge } from "./decision-badge";
import { EntryFacts } from "./entry-facts";

/** A closed review: each entry's tally and outcome, the minutes, and the way to the public notice. */
export async function ReviewResults({ review }: { review: ReviewDetail }) {
  const [t, format] = await Promise.all([getTranslations("reviews.results"), getFormatter()]);
  const passed = review.items.filter((item) => item.result?.passed).length;
  return (
    <section className="space-y-4" aria-labelledby="results-title" data-testid="review-results">
      <div className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="results-title" className="text-lg font-bold">{t("title")}</h2>
        <p>{t("summary", { date: review.meetingDate ? format.dateTime(dayToDate(review.meetingDate), { dateStyle: "long" }) : "", passed, rejected: review.items.length - passed })}</p>
        <Link href={`/notices/${review.id}`} className={buttonClass({ size: "lg" })} data-testid="notice-link">
          {t("notice")}
        </Link>
      </div>
      {review.minutes ? (
        <div className="rounded-lg border border-stone-200 bg-white p-4">
          <h3 className="font-semibold">{t("minutes")}</h3>
          <p className="whitespace-pre-line text-stone-800" data-testid="minutes">{review.minutes}</p>
        </div>
      ) : null}
      <ol className="space-y-3">
        {review.items.map((item) => (
          <li key={item.entry.id} className="space-y-2 rounded-lg border border-stone-200 bg-white p-3" data-testid="result-entry" data-entry-id={item.entry.id}>
            <EntryFacts item={item} photos={false} />
            {item.result ? (
              <p className="flex flex-wrap items-center gap-2" data-testid="entry-tally">
                <span className={`rounded px-2 py-0.5 font-semibold ${item.result.passed ? "bg-green-700 text-white" : "bg-stone-700 text-white"}`} data-passed={item.result.passed}>
                  {t(item.result.passed ? "passed" : "rejected")}
                </span>
                <span>{t("tally", { attendees: item.result.attendees, approve: item.result.approve, reject: item.result.reject, abstain: item.result.abstain })}</span>
              </p>
            ) : null}
            {item.myDecision ? <p className="text-sm">{t("mine")} <DecisionBadge decision={item.myDecision} /></p> : null}
            {item.objections.length > 0 ? (
              <ul className="space-y-1 border-t border-stone-100 pt-2 text-sm text-stone-700">
                {item.objections.map((o, index) => (
                  <li key={index}>{t(o.decision === "REJECT" ? "objection" : "abstention", { reason: o.reason ?? t("noReason") })}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
