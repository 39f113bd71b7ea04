import { useTranslations } from "next-intl";
import { cardClass } from "@/components/ui/card";
import type { RuleSetDetail } from "@/lib/schemas/rule-sets";
import { BallotForm } from "./ballot-form";
import { CloseVoteForm } from "./close-vote-form";
import { OpenVoteForm } from "./open-vote-form";
import { PaperBallotForm } from "./paper-ballot-form";

type Props = { ruleSet: RuleSetDetail; canManage: boolean; canVote: boolean; today: string };

/**
 * The representative assembly's vote on this version: how to put it to the vote (a clerk, while
 * a draft), who has voted and the quorum while it is open (a representative votes here, a clerk
 * enters paper ballots and closes), the result once closed.
 */
export function VotePanel({ ruleSet, canManage, canVote, today }: Props) {
  const t = useTranslations("ruleSets.vote");
  const { vote, status } = ruleSet;
  if (!vote && !(status === "DRAFT" && canManage)) return null;
  return (
    <section aria-labelledby="vote-title" className={`space-y-4 ${cardClass}`} data-testid="vote-panel">
      <h2 id="vote-title" className="text-xl font-semibold">{t("title")}</h2>
      <p className="text-sm text-stone-600">{t("rule")}</p>
      {!vote ? <OpenVoteForm ruleSetId={ruleSet.id} today={today} /> : (
        <>
          {vote.tally ? (
            <div role="status" className={`rounded-md p-3 ${vote.tally.passed ? "bg-green-50 text-green-900" : "bg-stone-100 text-stone-800"}`} data-testid="vote-result">
              <p className="text-lg font-semibold">{t("resultHeading", { outcome: vote.tally.passed ? t("passed") : t("rejected") })}</p>
              <p>{t("resultLine", { date: vote.meetingDate, roster: vote.representativesTotal, attendees: vote.tally.attendees, approve: vote.tally.approve, reject: vote.tally.reject, abstain: vote.tally.abstain })}</p>
            </div>
          ) : (
            <div className="space-y-1" data-testid="vote-progress">
              <p>{t("meetingOnLine", { date: vote.meetingDate })}</p>
              <p className="font-medium">{t("progress", { roster: vote.representativesTotal, ballots: vote.ballots, quorum: vote.quorum })}</p>
              <p className={vote.missingForQuorum > 0 ? "text-amber-800" : "text-green-800"}>
                {vote.missingForQuorum > 0 ? t("missing", { missing: vote.missingForQuorum }) : t("quorumReached")}
              </p>
            </div>
          )}
          {vote.myBallot ? (
            <p className="rounded-md bg-stone-100 p-3" data-testid="my-ballot">
              {t(vote.myBallot.paper ? "myBallotPaper" : "myBallot", { decision: t(`decision.${vote.myBallot.decision}`) })}
            </p>
          ) : null}
          {status === "VOTING" && canVote && !vote.myBallot ? (
            vote.mayVote ? <BallotForm ruleSetId={ruleSet.id} />
              : <p className="rounded-md bg-amber-50 p-3 text-amber-900" data-testid="joined-after-opening">{t("joinedAfterOpening")}</p>
          ) : null}
          <details className="group">
            <summary className="flex min-h-11 cursor-pointer items-center font-medium">{t("roster")}</summary>
            <ul className="mt-2 divide-y divide-stone-100">
              {vote.representatives.map((r) => (
                <li key={r.id} className="flex min-h-10 items-center justify-between gap-3">
                  <span>{r.displayName}</span>
                  <span className={r.voted ? "text-green-800" : "text-stone-500"}>{r.voted ? t(r.paper ? "votedPaper" : "voted") : t("notVoted")}</span>
                </li>
              ))}
            </ul>
          </details>
          {status === "VOTING" && canManage ? (
            <>
              <PaperBallotForm ruleSetId={ruleSet.id} representatives={vote.representatives.filter((r) => !r.voted)} />
              <CloseVoteForm ruleSetId={ruleSet.id} villageId={ruleSet.village.id} />
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
