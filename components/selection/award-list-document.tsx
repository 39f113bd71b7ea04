import { getTranslations } from "next-intl/server";
import { ArchiveNo } from "@/components/ui/archive-no";
import { chinaToday } from "@/lib/domain/entry-date";
import type { AwardList } from "@/lib/schemas/selection";

/** The award list as printed: title, each village with its families and count, the total. */
export async function AwardListDocument({ list }: { list: AwardList }) {
  const t = await getTranslations("selection.printList");
  return (
    <article className="award-sheet mx-auto max-w-3xl space-y-5 bg-white p-4 shadow-sm sm:p-8" data-testid="award-list">
      <h1 className="award-title text-center text-2xl font-bold">{list.township ?? ""}{t("title", { year: list.year })}</h1>
      {list.villages.length === 0 ? <p>{t("empty", { year: list.year })}</p> : null}
      {list.villages.map((village) => (
        <section key={village.id} className="award-village space-y-2" data-testid="award-village">
          <h2 className="award-heading text-lg font-semibold">{t("villageHeading", { village: village.name, count: village.families.length })}</h2>
          <table className="award-table w-full border-collapse">
            <thead>
              <tr><th scope="col">{t("index")}</th><th scope="col">{t("archiveNo")}</th><th scope="col">{t("headName")}</th><th scope="col">{t("awardedOn")}</th></tr>
            </thead>
            <tbody>
              {village.families.map((family, i) => (
                <tr key={family.archiveNo}><td>{i + 1}</td><td className="font-mono"><ArchiveNo>{family.archiveNo}</ArchiveNo></td><td>{family.headName}</td><td>{family.awardedOn}</td></tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <p className="font-semibold" data-testid="award-total">{t("total", { count: list.total })}</p>
      <p className="text-right text-sm text-stone-600">{t("printedOn", { date: chinaToday(new Date()) })}</p>
    </article>
  );
}
