import { getTranslations } from "next-intl/server";
import { CategoryBadge, StatusBadge } from "@/components/entries/entry-badges";
import { appealRefusal } from "@/lib/domain/due-process";
import { EmptyState } from "@/components/ui/empty-state";
import type { ArchiveEntry } from "@/lib/schemas/archive";
import { AppealForm } from "./appeal-form";
import { DueProcessHistory } from "./due-process-history";
import { PhotoStrip } from "./photo-strip";
import { RectificationForm } from "./rectification-form";

type Allowed = { rectify: boolean; appeal: boolean };

/** Every entry of the household, latest first, with its status and what can still be done. */
export async function ArchiveTimeline({ entries, allowed }: { entries: ArchiveEntry[]; allowed: Allowed }) {
  const t = await getTranslations("archive.timeline");
  return (
    <section className="space-y-2" aria-labelledby="timeline-title">
      <h3 id="timeline-title" className="font-semibold">{t("title")}</h3>
      {entries.length === 0 ? <EmptyState testId="archive-empty" message={t("empty")} hint={t("emptyHint")} /> : (
        <ol className="space-y-3" data-testid="archive-timeline">
          {entries.map((entry) => <ArchiveEntryCard key={entry.id} entry={entry} allowed={allowed} />)}
        </ol>
      )}
    </section>
  );
}

async function ArchiveEntryCard({ entry, allowed }: { entry: ArchiveEntry; allowed: Allowed }) {
  const [t, tEntries] = await Promise.all([getTranslations("archive.timeline"), getTranslations("entries")]);
  const canRectify = allowed.rectify && entry.canRequestRectification;
  const canAppeal = allowed.appeal && entry.canAppeal;
  return (
    // The id is the anchor the household's home page links to (components/home/household-tasks.tsx).
    <li id={`entry-${entry.id}`} className="scroll-mt-4 space-y-2 rounded-lg border border-stone-200 bg-white p-3 shadow-sm" data-testid="archive-entry" data-entry-id={entry.id}>
      <div className="flex flex-wrap items-center gap-2">
        <CategoryBadge category={entry.category} />
        <StatusBadge status={entry.status} />
        <span className="text-sm text-stone-500">{tEntries("list.occurredOn", { date: entry.occurredOn })}</span>
      </div>
      <p className={`text-lg font-semibold ${entry.status === "VOIDED" ? "text-stone-500 line-through" : ""}`}>
        {entry.rule.title}
        <span className="ml-2 text-sm font-normal text-stone-500">{entry.rule.code} · {tEntries("new.marks", { marks: entry.marks })}</span>
      </p>
      <p className="whitespace-pre-line text-stone-800">{entry.description}</p>
      {entry.member ? <p className="text-sm text-stone-600">{t("member", { name: entry.member.name })}</p> : null}
      <p className="text-sm text-stone-600">{t(`statusNote.${entry.status}`)}</p>
      <PhotoStrip photos={entry.evidence} alt={tEntries("detail.photoAlt")} />
      <DueProcessHistory entry={entry} />
      {canRectify || canAppeal ? (
        <div className="flex flex-col gap-2 border-t border-stone-100 pt-2">
          {canRectify ? <RectificationForm entryId={entry.id} /> : null}
          {canAppeal ? <AppealForm entryId={entry.id} /> : null}
        </div>
      ) : null}
      {/* The household sees an appeal button on its yellows and blacks; a red says why it has
          none (the status note and the appeal history explain the other cases). */}
      {allowed.appeal && appealRefusal({ ...entry, hasOpenAppeal: false }) === "RED" ? (
        <p className="text-sm text-stone-600" data-testid="no-appeal">{t("noAppealRed")}</p>
      ) : null}
    </li>
  );
}
