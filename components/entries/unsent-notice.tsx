"use client";

import { useTranslations } from "next-intl";
import type { Submission } from "./use-entry-submission";

/**
 * Said plainly when a submit got no answer: nothing typed or photographed is lost, and what
 * happens next (an automatic retry, one when the signal is back, or the clerk's 重新提交).
 */
export function UnsentNotice({ submission }: { submission: Submission }) {
  const t = useTranslations("entries.new");
  let next: string;
  if (submission.phase === "unanswered") next = t(`unsent.next.${submission.autoRetry}`);
  else if (submission.phase === "sending" && submission.retrying) next = t("resubmitting"); // as the submit button says meanwhile
  else return null;
  return (
    <div className="space-y-1 rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950" data-testid="entry-unsent">
      <p role="alert" className="font-semibold">{t("unsent.title")}</p>
      <p>{t("unsent.kept")}</p>
      <p className="text-sm">{next}</p>
    </div>
  );
}
