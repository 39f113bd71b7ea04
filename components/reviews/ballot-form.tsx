"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { castBallotAction, enterPaperBallotAction } from "@/app/reviews/actions";
import { buttonClass } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import type { ActionState } from "@/lib/action-state";
import { OBJECTION_FIELD, reasonField } from "@/lib/schemas/review-ballot-form";
import type { ReviewItem } from "@/lib/schemas/reviews";
import { BallotConfirm } from "./ballot-confirm";
import { BallotRow } from "./ballot-row";
import { PaperBallotChooser, type PaperVoter } from "./paper-ballot-chooser";
import { useBallot } from "./use-ballot";

type Props = { reviewId: string; items: ReviewItem[]; paper?: { voters: PaperVoter[] } };

/**
 * "Approve all except …" on a phone: every entry is approved unless objected to, with a reason;
 * one button approves the rest, and a confirmation comes first because a ballot is final.
 * Everything is client state until that confirmation, so a failed submit keeps every objection.
 * With `paper`, a clerk enters the paper ballot of a representative chosen first.
 */
export function BallotForm({ reviewId, items, paper }: Props) {
  const t = useTranslations("reviews.ballot");
  const ballot = useBallot(items, !!paper);
  const [voterId, setVoterId] = useState("");
  const [confirming, setConfirming] = useState(false);
  const submit = paper ? enterPaperBallotAction : castBallotAction;
  const [state, formAction, pending] = useActionState<ActionState, FormData>(async (previous, form) => {
    const result = await submit(reviewId, previous, form);
    setConfirming(false);
    ballot.setErrors(result.fieldErrors ?? {});
    if (result.ok) {
      ballot.reset();
      setVoterId("");
    }
    return result;
  }, {});
  const { exceptions, recusedCount } = ballot;

  return (
    <form action={formAction} className="space-y-3" data-testid={paper ? "paper-ballot-form" : "ballot-form"}>
      {exceptions.map((e) => (
        <span key={e.entryId} hidden>
          <input type="hidden" name={OBJECTION_FIELD} value={e.entryId} />
          <input type="hidden" name={reasonField(e.entryId)} value={e.reason ?? ""} />
        </span>
      ))}
      {paper ? <input type="hidden" name="representativeId" value={voterId} /> : null}
      {state.ok ? <p role="status" className="rounded-md bg-green-50 p-3 text-green-800" data-testid="ballot-saved">{t(paper ? "paperSaved" : "saved")}</p> : null}
      {confirming ? null : <FormStatus state={state} />}
      {confirming ? (
        <BallotConfirm items={items} exceptions={exceptions} recused={recusedCount}
          voter={paper?.voters.find((v) => v.id === voterId)?.displayName ?? null} pending={pending} onBack={() => setConfirming(false)} />
      ) : (
        <>
          {paper ? <PaperBallotChooser voters={paper.voters} value={voterId} onChange={setVoterId} error={ballot.errors.representativeId} /> : null}
          <p className="text-stone-700">{t(paper ? "paperIntro" : "intro")}</p>
          <ol className="space-y-3" aria-label={t("listLabel")}>
            {items.map((item) => (
              <BallotRow key={item.entry.id} item={item} recused={ballot.isRecused(item)} objected={item.entry.id in ballot.objections}
                reason={ballot.objections[item.entry.id] ?? ""} error={ballot.errors[reasonField(item.entry.id)]}
                onToggle={ballot.onToggle} onReason={ballot.onReason} />
            ))}
          </ol>
          <div className="sticky bottom-phone-bar -mx-3 space-y-1 border-t border-stone-200 bg-white/95 px-3 py-3 backdrop-blur sm:bottom-0 sm:mx-0 sm:rounded-lg sm:border">
            <p className="text-sm text-stone-600" aria-live="polite">{t("tally", { objections: exceptions.length, approve: items.length - recusedCount - exceptions.length })}</p>
            <button type="button" onClick={() => setConfirming(ballot.check(voterId))} className={buttonClass({ size: "xl", width: "always" })}>
              {t("approveRest")}
            </button>
          </div>
        </>
      )}
    </form>
  );
}
