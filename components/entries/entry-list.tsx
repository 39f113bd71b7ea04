import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ArchiveNo } from "@/components/ui/archive-no";
import { EmptyState, type EmptyAction } from "@/components/ui/empty-state";
import type { EntrySummary } from "@/lib/schemas/entries";
import { CategoryBadge, StatusBadge } from "./entry-badges";

/** Why the list may be empty: filters that match nothing, or nothing recorded yet (and whether the viewer records). */
type EntryListEmpty = { filtered: boolean; canRecord: boolean; resetHref: string };

/** Entries as cards: readable on a phone, one tap to the entry or to its household. */
export async function EntryList({ items, empty }: { items: EntrySummary[]; empty: EntryListEmpty }) {
  const t = await getTranslations("entries");
  if (items.length === 0) {
    const record: EmptyAction[] = empty.canRecord ? [{ href: "/entries/new", label: t("list.recordOne"), primary: true }] : [];
    return empty.filtered
      ? <EmptyState testId="entries-empty" message={t("list.empty")} hint={t("list.emptyFilteredHint")} actions={[{ href: empty.resetHref, label: t("filter.reset") }, ...record]} />
      : <EmptyState testId="entries-empty" message={t("list.emptyNone")} hint={t(empty.canRecord ? "list.emptyNoneRecord" : "list.emptyNoneWait")} actions={record} />;
  }
  return (
    <ul className="space-y-2" data-testid="entry-list">
      {items.map((entry) => (
        <li key={entry.id} className="rounded-lg border border-stone-200 bg-white p-3 shadow-sm">
          <div className="flex flex-wrap items-center gap-2">
            <CategoryBadge category={entry.category} />
            <StatusBadge status={entry.status} />
            <span className="text-sm text-stone-500">{t("list.occurredOn", { date: entry.occurredOn })}</span>
          </div>
          <Link href={`/entries/${entry.id}`} className="mt-1 flex min-h-12 items-center text-lg font-semibold text-stone-900 hover:text-red-800">
            {entry.rule.title}
            <span className="ml-2 text-sm font-normal text-stone-500">{t("new.marks", { marks: entry.marks })}</span>
          </Link>
          <p className="line-clamp-2 text-stone-700">{entry.description}</p>
          <p className="mt-1 flex flex-wrap items-center gap-x-3 text-sm text-stone-600">
            <Link href={`/households/${entry.household.id}`} className="inline-flex min-h-11 items-center text-red-800 underline-offset-2 hover:underline">
              {t("new.householdOf", { head: entry.household.headName })} · <ArchiveNo>{entry.household.archiveNo}</ArchiveNo>
            </Link>
            {entry.member ? <span>{entry.member.name}</span> : null}
            {entry.evidenceCount ? <span>{t("list.photos", { count: entry.evidenceCount })}</span> : null}
          </p>
        </li>
      ))}
    </ul>
  );
}
