import { useTranslations } from "next-intl";
import type { ReviewSummary } from "@/lib/schemas/reviews";

type Props = { review: Pick<ReviewSummary, "roster" | "attending" | "quorum" | "missingForQuorum" | "ballots">; compact?: boolean };

/** 应到 / 实到 / 还差: whether the meeting is valid yet (two thirds of the frozen roster, art. 26). */
export function QuorumStatus({ review, compact = false }: Props) {
  const t = useTranslations("reviews.quorum");
  const met = review.missingForQuorum === 0;
  const cells = [
    { key: "roster", label: t("roster"), value: t("people", { count: review.roster }) },
    { key: "attending", label: t("attending"), value: t("people", { count: review.attending }) },
    { key: "ballots", label: t("ballots"), value: t("people", { count: review.ballots }) },
    { key: "missing", label: t("missing"), value: met ? t("met") : t("people", { count: review.missingForQuorum }) },
  ];
  return (
    <div className="space-y-1" data-testid="quorum-status" data-quorum-met={met}>
      <dl className={`grid grid-cols-4 gap-1 text-center ${compact ? "text-sm" : ""}`}>
        {cells.map((cell) => (
          <div key={cell.key} className={`rounded-md px-1 py-2 ${cell.key === "missing" ? (met ? "bg-green-50 text-green-900" : "bg-amber-50 text-amber-900") : "bg-stone-100"}`}>
            <dt className="text-xs text-stone-600 sm:text-sm">{cell.label}</dt>
            <dd className="font-semibold tabular-nums" data-testid={`quorum-${cell.key}`}>{cell.value}</dd>
          </div>
        ))}
      </dl>
      {compact ? null : <p className="text-sm text-stone-600">{t("rule", { quorum: review.quorum, roster: review.roster })}</p>}
    </div>
  );
}
