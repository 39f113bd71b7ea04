import { useTranslations } from "next-intl";
import { CategoryBadge } from "@/components/entries/entry-badges";
import { ArchiveNo } from "@/components/ui/archive-no";
import { evidenceUrl } from "@/lib/schemas/evidence";
import type { ReviewItem } from "@/lib/schemas/reviews";

type Props = { item: ReviewItem; titleId?: string; photos?: boolean };

/**
 * What a representative needs to decide on one entry: the household, the rule and its
 * category, the day, what happened and the photos. Photos are shown only while the entry is
 * under review: afterwards a representative may no longer read them.
 */
export function EntryFacts({ item, titleId, photos = true }: Props) {
  const t = useTranslations("reviews.entry");
  const { entry } = item;
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        <CategoryBadge category={entry.category} />
        <span id={titleId} className="text-lg font-semibold">{entry.rule.title}</span>
        <span className="text-sm text-stone-500">{t("marks", { code: entry.rule.code, marks: entry.marks })}</span>
      </div>
      <p className="text-sm text-stone-700" data-testid="entry-household">
        {t.rich("household", { head: entry.household.headName, archiveNo: entry.household.archiveNo, no: (chunks) => <ArchiveNo>{chunks}</ArchiveNo> })}
        {entry.member ? ` · ${t("member", { name: entry.member.name })}` : null}
        {" · "}{t("occurredOn", { date: entry.occurredOn })}
      </p>
      <p className="whitespace-pre-line text-stone-900">{entry.description}</p>
      {photos && item.evidenceIds.length > 0 ? (
        <ul className="flex flex-wrap gap-2 pt-1">
          {item.evidenceIds.map((id) => (
            <li key={id}>
              <a href={evidenceUrl(id)} target="_blank" rel="noopener" className="block size-16 overflow-hidden rounded-md border border-stone-200">
                {/* eslint-disable-next-line @next/next/no-img-element -- served by the API only to those who may read the entry */}
                <img src={evidenceUrl(id)} alt={t("photoAlt")} width={64} height={64} loading="lazy" decoding="async" className="size-full object-cover" />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
