import { useTranslations } from "next-intl";
import type { ReviewItem } from "@/lib/schemas/reviews";

type Decision = NonNullable<ReviewItem["myDecision"]>;

const style: Record<Decision, string> = {
  APPROVE: "bg-green-100 text-green-900",
  REJECT: "bg-red-100 text-red-900",
  ABSTAIN: "bg-stone-200 text-stone-800",
};

export function DecisionBadge({ decision }: { decision: Decision }) {
  const t = useTranslations("reviews.decision");
  return <span className={`inline-block rounded px-2 py-0.5 text-sm font-semibold ${style[decision]}`} data-decision={decision}>{t(decision)}</span>;
}
