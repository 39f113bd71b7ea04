import { getFormatter, getTranslations } from "next-intl/server";
import type { ReviewDetail } from "@/lib/schemas/reviews";
import { DecisionBadge } from "./decision-badge";
import { EntryFacts } from "./entry-facts";

/** After casting: the ballot is in, and what the representative decided on each entry. */
export async function MyBallot({ review }: { review: ReviewDetail }) {
  const [t, format] = await Promise.all([getTranslations("reviews.myBallot"), getFormatter()]);
  const decided = review.items.filter((item) => item.myDecision && item.myDecision !== "APPROVE");
  const approved = review.items.filter((item) => item.myDecision === "APPROVE");
  const recused = review.items.filter((item) => item.recusedForMe).length;
  return (
    <section className="space-y-3" aria-labelledby="my-ballot-title" data-testid="my-ballot">
      <div role="status" className="rounded-lg border border-green-700 bg-green-50 p-4 text-green-900">
        <h2 id="my-ballot-title" className="text-lg font-bold">{t("title")}</h2>
        <p>{t("castAt", { time: format.dateTime(new Date(review.myBallotCastAt!), { dateStyle: "medium", timeStyle: "short" }) })}</p>
        <p>{t("tally", { approve: approved.length, objections: decided.length, recused })}</p>
        <p className="text-sm">{t("next")}</p>
      </div>
      {decided.length > 0 ? (
        <ul className="space-y-2">
          {decided.map((item) => (
            <li key={item.entry.id} className="space-y-2 rounded-lg border border-stone-200 bg-white p-3" data-testid="my-decision" data-entry-id={item.entry.id}>
              <DecisionBadge decision={item.myDecision!} />
              <EntryFacts item={item} photos={false} />
            </li>
          ))}
        </ul>
      ) : null}
      {approved.length > 0 ? (
        <details className="rounded-lg border border-stone-200 bg-white p-3">
          <summary className="min-h-11 cursor-pointer content-center font-medium">{t("approvedList", { count: approved.length })}</summary>
          <ul className="mt-2 divide-y divide-stone-100">
            {approved.map((item) => (
              <li key={item.entry.id} className="py-2" data-testid="my-decision" data-entry-id={item.entry.id}>
                <EntryFacts item={item} photos={false} />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
