"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { closeReviewAction } from "@/app/reviews/actions";
import { buttonClass } from "@/components/ui/button";
import { largeInputClass } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import type { ActionState } from "@/lib/action-state";
import { DateField } from "@/components/ui/date-field";
import type { ReviewSummary } from "@/lib/schemas/reviews";

type Props = { review: Pick<ReviewSummary, "id" | "roster" | "attending" | "quorum" | "missingForQuorum" | "ballots">; today: string };

/**
 * Closing decides every entry, for good: the form says what the law asks (two thirds present)
 * and where the meeting stands, asks once more, and shows the server's refusal as it is.
 */
export function CloseReviewForm({ review, today }: Props) {
  const t = useTranslations("reviews.close");
  const [meetingDate, setMeetingDate] = useState(today);
  const [minutes, setMinutes] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [state, action, pending] = useActionState<ActionState, FormData>(async (previous, form) => {
    const result = await closeReviewAction(review.id, previous, form);
    setConfirming(false);
    return result;
  }, {});
  const errors = state.fieldErrors ?? {};
  const short = review.missingForQuorum > 0;
  return (
    <form action={action} className="space-y-3" data-testid="close-review-form">
      <p className={`rounded-md p-3 ${short ? "bg-amber-50 text-amber-900" : "bg-green-50 text-green-900"}`} data-testid="close-quorum">
        {short
          ? t("short", { roster: review.roster, quorum: review.quorum, attending: review.attending, missing: review.missingForQuorum })
          : t("valid", { roster: review.roster, quorum: review.quorum, attending: review.attending, ballots: review.ballots })}
      </p>
      <p className="text-sm text-stone-600">{t("explain")}</p>
      <div className="space-y-1">
        <label htmlFor="meetingDate" className="block font-medium">{t("meetingDate")}</label>
        <div className="sm:w-72">
          <DateField id="meetingDate" name="meetingDate" value={meetingDate} max={today} onChange={setMeetingDate}
            aria-invalid={errors.meetingDate ? true : undefined} aria-describedby={errors.meetingDate ? "meetingDate-error" : undefined} />
        </div>
        {errors.meetingDate ? <p id="meetingDate-error" className="text-sm text-red-700">{errors.meetingDate}</p> : null}
      </div>
      <div className="space-y-1">
        <label htmlFor="minutes" className="block font-medium">{t("minutes")}</label>
        <textarea id="minutes" name="minutes" value={minutes} onChange={(e) => setMinutes(e.target.value)} rows={5} maxLength={5000} required
          aria-invalid={errors.minutes ? true : undefined} aria-describedby="minutes-note"
          className={`${largeInputClass} py-2`} />
        <p id="minutes-note" className={`text-sm ${errors.minutes ? "text-red-700" : "text-stone-500"}`}>{errors.minutes ?? t("minutesHint")}</p>
      </div>
      <FormStatus state={state} />
      {confirming ? (
        <div className="space-y-3 rounded-lg border-2 border-red-800 p-3" data-testid="close-confirm">
          <p className="font-medium">{t("confirmText")}</p>
          <div className="flex flex-col gap-3 sm:flex-row">
            <button type="submit" disabled={pending} className={buttonClass({ size: "lg" })}>
              {pending ? t("submitting") : t("confirm")}
            </button>
            <button type="button" onClick={() => setConfirming(false)} className={buttonClass({ tone: "plain", size: "lg" })}>{t("back")}</button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)} className={buttonClass({ tone: "dark", size: "lg", width: "phone" })}>
          {t("submit")}
        </button>
      )}
    </form>
  );
}
