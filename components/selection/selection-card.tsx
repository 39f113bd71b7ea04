import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { nominateAction, withdrawAwardAction, withdrawNominationAction } from "@/app/selection/actions";
import { ArchiveNo } from "@/components/ui/archive-no";
import { ReasonForm } from "@/components/ui/reason-form";
import { chinaToday } from "@/lib/domain/entry-date";
import type { SelectionItem } from "@/lib/schemas/selection";
import { DecideForm } from "./decide-form";

const day = (iso: string) => chinaToday(new Date(iso));
const statusStyle = {
  NOMINATED: "bg-amber-100 text-amber-900", AWARDED: "bg-red-800 text-white", DECLINED: "bg-stone-200 text-stone-800", WITHDRAWN: "bg-stone-200 text-stone-800",
} as const;

type Props = { item: SelectionItem; year: number; isOwn: boolean; showVillage: boolean };

/** One household in the selection: eligibility with its reasons and counts, its nomination, and what the caller may do. */
export async function SelectionCard({ item, year, isOwn, showVillage }: Props) {
  const t = await getTranslations("selection");
  const { household, award, counts } = item;
  return (
    <li className={`space-y-2 rounded-lg border bg-white p-4 ${item.needsReview ? "border-amber-500" : "border-stone-200"}`}
      data-testid="selection-item" data-archive-no={household.archiveNo} data-needs-review={item.needsReview}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="text-lg font-semibold">
          <Link href={`/households/${household.id}`} className="text-red-900 underline">{household.headName}</Link> <ArchiveNo className="font-mono text-base font-normal text-stone-600">{household.archiveNo}</ArchiveNo>
          {showVillage ? <span className="ml-2 text-base font-normal text-stone-600">{household.village.name}</span> : null}
        </p>
        <span className={`rounded px-2 py-0.5 text-sm font-medium ${item.eligible ? "bg-green-100 text-green-900" : "bg-amber-50 text-amber-900"}`}
          data-testid="eligibility-badge">
          {item.eligible ? t("eligible") : t("notEligible")}
        </span>
      </div>
      {item.needsReview ? (
        <p className="rounded-md bg-amber-100 p-2 font-semibold text-amber-950" role="note" data-testid="needs-review">{t("needsReview")}</p>
      ) : null}
      {item.reasons.length ? (
        <ul className="list-disc pl-5 text-stone-800" data-testid="selection-reasons">
          {item.reasons.map((reason) => <li key={reason.code}>{t(`reason.${reason.code}`, reason)}</li>)}
        </ul>
      ) : null}
      <p className="text-sm text-stone-600">{t("counts", { reds: counts.redMarks, yellows: counts.unrectifiedYellows, blacks: counts.blackMarks })}</p>
      {award ? (
        <div className="space-y-1 rounded-md bg-stone-50 p-3 text-sm" data-testid="award-status" data-status={award.status} data-award-id={award.id}>
          <span className={`inline-block rounded px-2 py-0.5 font-semibold ${statusStyle[award.status]}`}>{t(`status.${award.status}`, { year })}</span>
          {award.note ? <p>{t("note", { note: award.note })}</p> : null}
          <p className="text-stone-600">{t("nominatedBy", { name: award.nominatedBy, date: day(award.nominatedAt) })}</p>
          {award.decidedAt && award.decidedBy ? <p className="text-stone-600">{t("decidedBy", { name: award.decidedBy, date: day(award.decidedAt) })}</p> : null}
          {award.decisionReason ? <p>{t("decisionReason", { reason: award.decisionReason })}</p> : null}
        </div>
      ) : null}
      {item.pendingEntries > 0 && award?.status === "NOMINATED" ? (
        <p className="text-sm text-amber-900" data-testid="pending-entries">{t("pendingEntries", { year, count: item.pendingEntries })}</p>
      ) : null}
      {isOwn ? <p className="text-sm text-stone-600">{t("ownHousehold")}</p> : null}
      {/* The council nominates with the note the township reads, or withdraws its undecided nomination saying why. */}
      {item.actions.nominate ? (
        <ReasonForm action={nominateAction.bind(null, household.id, year)} messages="selection.nominate" field="note" testId="nominate-form" />
      ) : null}
      {item.actions.withdraw && award ? (
        <ReasonForm action={withdrawNominationAction.bind(null, award.id)} messages="selection.withdraw" tone="dark" testId="withdraw-nomination-form" />
      ) : null}
      {item.actions.decide && award ? <DecideForm awardId={award.id} /> : null}
      {/* The township withdraws an award saying why, e.g. a black of the year confirmed after it. */}
      {item.actions.withdrawAward && award ? (
        <ReasonForm action={withdrawAwardAction.bind(null, award.id)} messages="selection.withdrawAward" tone="dark" testId="withdraw-award-form" />
      ) : null}
    </li>
  );
}
