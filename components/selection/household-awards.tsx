import { getTranslations } from "next-intl/server";
import type { HouseholdArchive } from "@/lib/schemas/archive";

const statusStyle = {
  NOMINATED: "bg-amber-100 text-amber-900", AWARDED: "bg-red-800 text-white", DECLINED: "bg-stone-200 text-stone-800", WITHDRAWN: "bg-stone-200 text-stone-800",
} as const;

/**
 * The household's civilized-family nominations and awards of every year on its archive page,
 * with what became of each and, when declined or withdrawn, why; nothing when there is none.
 */
export async function HouseholdAwards({ awards }: { awards: HouseholdArchive["awards"] }) {
  if (!awards.length) return null;
  const t = await getTranslations("selection.awards");
  return (
    <section className="rounded-lg border border-red-200 bg-red-50 p-4" aria-labelledby="awards-title" data-testid="household-awards">
      <h3 id="awards-title" className="font-semibold text-red-900">{t("title")}</h3>
      <ul className="mt-2 space-y-2">
        {awards.map((award) => (
          <li key={award.id} className="space-y-1" data-testid="household-award" data-year={award.year} data-status={award.status}>
            <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
              <span className={`text-lg font-bold ${award.status === "AWARDED" ? "text-red-800" : "text-stone-800"}`}>{t("year", { year: award.year })}</span>
              <span className={`rounded px-2 py-0.5 text-sm font-medium ${statusStyle[award.status]}`}>{t(`status.${award.status}`)}</span>
              <span className="text-sm text-stone-700">
                {award.decidedOn ? t(`on.${award.status === "AWARDED" ? "AWARDED" : award.status === "DECLINED" ? "DECLINED" : "WITHDRAWN"}`, { date: award.decidedOn })
                  : t("nominatedOn", { date: award.nominatedOn })}
              </span>
            </div>
            {award.reason && award.status !== "NOMINATED" ? <p className="text-stone-800">{t("reason", { reason: award.reason })}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
