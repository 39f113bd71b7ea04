import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ArchiveNo } from "@/components/ui/archive-no";
import type { EntryDetail as Entry } from "@/lib/schemas/entries";
import { CategoryBadge, StatusBadge } from "./entry-badges";

/** One entry as the archive holds it: what, who, when, on which rule and evidence, and its history. */
export async function EntryDetail({ entry }: { entry: Entry }) {
  const [t, format] = await Promise.all([getTranslations("entries"), getFormatter()]);
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" });
  const row = (label: string, value: React.ReactNode) => (
    <div className="grid grid-cols-[6rem_1fr] gap-2 py-1.5 sm:grid-cols-[8rem_1fr]">
      <dt className="text-stone-500">{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <CategoryBadge category={entry.category} />
        <StatusBadge status={entry.status} />
      </div>
      <h1 className="text-xl font-bold sm:text-2xl">{entry.rule.title}</h1>
      <p className="whitespace-pre-line text-lg">{entry.description}</p>
      <dl className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white px-3">
        {row(t("detail.household"), (
          <Link href={`/households/${entry.household.id}`} className="text-red-800 underline-offset-2 hover:underline">
            {t("new.householdOf", { head: entry.household.headName })} · <ArchiveNo>{entry.household.archiveNo}</ArchiveNo>
          </Link>
        ))}
        {entry.member ? row(t("detail.member"), entry.member.name) : null}
        {row(t("detail.occurredOn"), `${entry.occurredOn}（${t("quarterLabel", { year: entry.year, quarter: entry.quarter })}）`)}
        {row(t("detail.rule"), `${entry.rule.code} ${entry.rule.title} · ${t("new.marks", { marks: entry.marks })}`)}
        {entry.legalAuthority ? row(t("detail.legal"), `${entry.legalAuthority} ${entry.legalDocumentNo ?? ""}`) : null}
        {row(t("detail.recorded"), t("detail.recordedBy", { name: entry.recordedBy.displayName, time: when(entry.recordedAt) }))}
      </dl>
      <section className="space-y-2">
        <h2 className="font-semibold">{t("detail.evidence")}</h2>
        {entry.evidence.length === 0 ? <p className="text-stone-500">{t("detail.noEvidence")}</p> : (
          <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4" data-testid="entry-evidence">
            {entry.evidence.map((photo) => (
              <li key={photo.id}>
                <a href={photo.url} target="_blank" rel="noopener" className="block overflow-hidden rounded-md border border-stone-200">
                  {/* eslint-disable-next-line @next/next/no-img-element -- served by the API only to those who may read the entry */}
                  <img src={photo.url} alt={t("detail.photoAlt")} width={photo.width} height={photo.height} loading="lazy" className="aspect-square w-full object-cover" />
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="space-y-2">
        <h2 className="font-semibold">{t("detail.history")}</h2>
        <ol className="space-y-2 border-l-2 border-stone-200 pl-4" data-testid="entry-events">
          <li>
            <p className="font-medium">{t("detail.recordedEvent")}</p>
            <p className="text-sm text-stone-500">{when(entry.recordedAt)} · {entry.recordedBy.displayName}</p>
          </li>
          {entry.events.map((event) => (
            <li key={event.id} data-event={event.type}>
              <p className="font-medium">{t(`event.${event.type}`)}</p>
              <p className="text-sm text-stone-500">{when(event.createdAt)}{event.actor ? ` · ${event.actor.displayName}` : ` · ${t("detail.byReview")}`}</p>
              {event.reason ? <p className="text-stone-700">{t("detail.reason", { reason: event.reason })}</p> : null}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
