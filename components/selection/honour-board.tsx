import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { largeInputClass } from "@/components/ui/field";
import { Pager } from "@/components/ui/pager";
import type { HonourBoard, HonourBoardChoices } from "@/lib/schemas/selection";

/** The honour board: year and village choosers, then each awarded family with its red entries. */
type Props = { board: HonourBoard; choices: HonourBoardChoices; villageId: string | null };

export async function HonourBoardView({ board, choices, villageId }: Props) {
  const t = await getTranslations("honour");
  const href = (page: number) => `/honour?${new URLSearchParams({
    ...(board.year ? { year: String(board.year) } : {}), ...(villageId ? { village: villageId } : {}), page: String(page),
  })}`;
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold text-red-900">{t("title")}</h1>
        <p className="text-stone-700">{t("intro")}</p>
      </div>
      {choices.years.length ? (
        <form method="get" action="/honour" className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-3">
          <label className="block">
            <span className="mb-1 block font-medium">{t("yearLabel")}</span>
            <select name="year" defaultValue={board.year ?? undefined} className={largeInputClass}>
              {choices.years.map((year) => <option key={year} value={year}>{t("yearOption", { year })}</option>)}
            </select>
          </label>
          <label className="block">
            <span className="mb-1 block font-medium">{t("villageLabel")}</span>
            <select name="village" defaultValue={villageId ?? ""} className={largeInputClass}>
              <option value="">{t("allVillages")}</option>
              {choices.villages.map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
            </select>
          </label>
          <div className="flex items-end">
            <button type="submit" className={buttonClass({ size: "lg", width: "always" })}>{t("show")}</button>
          </div>
        </form>
      ) : null}
      {board.year === null ? <p className="rounded-md bg-stone-100 p-4 text-stone-700">{t("none")}</p> : (
        <section className="space-y-3" aria-labelledby="honour-year">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="honour-year" className="text-xl font-bold">{t("heading", { year: board.year })}</h2>
            <p className="text-stone-700" data-testid="honour-count">{t("count", { count: board.total })}</p>
          </div>
          {board.items.length === 0 ? <p className="rounded-md bg-stone-100 p-4 text-stone-700">{t("empty")}</p> : (
            <ul className="grid gap-3 sm:grid-cols-2" data-testid="honour-list">
              {board.items.map((family) => (
                <li key={family.id} className="space-y-2 rounded-lg border border-red-200 bg-white p-4" data-testid="honour-family" data-award-id={family.id}>
                  <p className="text-lg font-bold">{family.headName} <span className="text-base font-normal text-stone-700">{family.village.name}</span></p>
                  {family.reds.length ? (
                    <div>
                      <p className="text-sm font-semibold text-red-900">{t("reds")}</p>
                      <ul className="mt-1 space-y-1 text-sm" data-testid="honour-reds">
                        {family.reds.map((red, i) => (
                          <li key={i} className="flex gap-2"><span className="shrink-0 text-stone-600">{red.occurredOn}</span><span>{red.ruleTitle}</span></li>
                        ))}
                      </ul>
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          <Pager page={board.page} pageSize={board.pageSize} total={board.total} href={href} />
        </section>
      )}
    </div>
  );
}
