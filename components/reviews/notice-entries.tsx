import { getTranslations } from "next-intl/server";
import { ArchiveNo } from "@/components/ui/archive-no";
import type { ReviewNotice } from "@/lib/schemas/reviews";

type Entry = ReviewNotice["entries"][number];
type Props = { category: Entry["category"]; entries: Entry[]; withDetail: boolean; formatDay: (day: string) => string };

/** One category's confirmed entries as a table for the notice board; without details where the township hides them. */
export async function NoticeEntries({ category, entries, withDetail, formatDay }: Props) {
  const t = await getTranslations("notice");
  if (entries.length === 0) return null;
  return (
    <section className="notice-section space-y-1" aria-labelledby={`notice-${category}`} data-testid={`notice-${category}`}>
      <h2 id={`notice-${category}`} className="notice-heading text-lg font-bold">
        {t(`category.${category}`)}<span className="ml-2 text-base font-normal">{t("count", { count: entries.length })}</span>
      </h2>
      {withDetail ? null : <p className="text-sm">{t("hiddenDetail")}</p>}
      <div>
        <table className={`notice-table border-collapse text-left ${withDetail ? "w-full" : "w-auto min-w-80"}`}>
          <thead>
            <tr>
              <th scope="col">{t("col.archiveNo")}</th>
              <th scope="col">{t("col.head")}</th>
              {withDetail ? <th scope="col">{t("col.rule")}</th> : null}
              <th scope="col" className="text-right">{t("col.marks")}</th>
              {withDetail ? <th scope="col">{t("col.occurredOn")}</th> : null}
              {withDetail ? <th scope="col">{t("col.description")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {entries.map((entry, index) => (
              <tr key={index} data-testid="notice-entry" data-archive-no={entry.archiveNo}>
                <td className="tabular-nums" data-label={t("col.archiveNo")}><ArchiveNo>{entry.archiveNo}</ArchiveNo></td>
                <td className="whitespace-nowrap" data-label={t("col.head")}>{entry.headName}</td>
                {withDetail ? <td data-label={t("col.rule")}>{entry.ruleTitle}</td> : null}
                <td className="text-right tabular-nums" data-label={t("col.marks")}>{entry.marks}</td>
                {withDetail ? <td className="whitespace-nowrap" data-label={t("col.occurredOn")}>{entry.occurredOn ? formatDay(entry.occurredOn) : null}</td> : null}
                {withDetail ? <td data-label={t("col.description")}>{entry.description}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
