import { getTranslations } from "next-intl/server";
import type { EligibilityView } from "@/lib/schemas/archive";

type Props = { eligibility: EligibilityView; isOwn: boolean; canRectify: boolean };

/** Whether the household can be selected as a civilized family this year, and exactly why not. */
export async function EligibilityBox({ eligibility, isOwn, canRectify }: Props) {
  const t = await getTranslations("archive.eligibility");
  const { eligible, reasons, notices, year } = eligibility;
  const hasYellow = reasons.some((r) => r.code === "UNRECTIFIED_YELLOW");
  return (
    <div
      className={`space-y-2 rounded-lg border p-4 ${eligible ? "border-green-300 bg-green-50" : "border-amber-300 bg-amber-50"}`}
      data-testid="eligibility" data-eligible={eligible}
    >
      <p className="text-lg font-semibold">{eligible ? t("eligible", { year }) : t("notEligible", { year })}</p>
      {reasons.length ? (
        <ul className="list-disc space-y-1 pl-5" data-testid="eligibility-reasons">
          {reasons.map((reason) => <li key={reason.code}>{t(`reason.${reason.code}`, reason)}</li>)}
        </ul>
      ) : null}
      {hasYellow && canRectify ? <p>{isOwn ? t("rectifyHintOwn") : t("rectifyHint")}</p> : null}
      {notices.length ? (
        <ul className="space-y-1 text-sm text-stone-700" data-testid="eligibility-notices">
          {notices.map((notice) => (
            <li key={notice.code}>
              {notice.code === "PENDING_REDS"
                ? t(notice.wouldSuffice ? "notice.PENDING_REDS_ENOUGH" : "notice.PENDING_REDS_SHORT", { count: notice.count })
                : t(`notice.${notice.code}`, notice)}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="text-sm text-stone-600">{t("how", { need: eligibility.needReds })}</p>
    </div>
  );
}
