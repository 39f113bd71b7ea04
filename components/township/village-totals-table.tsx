import { getFormatter, getTranslations } from "next-intl/server";
import type { Totals, VillageTotals } from "@/lib/server/township/village-totals";

// The 黄榜 amber is amber-800 and 待评议 stone-600: lighter shades fall below 4.5:1 on the
// stone-100 header (amber-600 was 2.9:1, stone-500 4.4:1).
const markColumns = [
  { key: "red", className: "text-red-700" },
  { key: "yellow", className: "text-amber-800" },
  { key: "black", className: "text-stone-900" },
  { key: "pending", className: "text-stone-600" },
] as const;

export async function VillageTotalsTable({ villages, totals }: { villages: VillageTotals[]; totals?: Totals }) {
  const [t, format] = await Promise.all([getTranslations("overview"), getFormatter()]);
  const n = (value: number) => format.number(value);
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white shadow-sm">
      <table className="w-full text-sm sm:text-base" data-testid="village-totals">
        <thead className="bg-stone-100 text-left text-stone-600">
          <tr>
            <th scope="col" className="px-2 py-2 sm:px-3">{t("village")}</th>
            <th scope="col" className="px-2 py-2 text-right sm:px-3">{t("households")}</th>
            {markColumns.map((c) => (
              <th key={c.key} scope="col" className={`px-2 py-2 text-right sm:px-3 ${c.className}`}>
                {t(c.key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {villages.map((village) => (
            <tr key={village.id} className="border-t border-stone-100" data-testid="village-row" data-village={village.name}>
              <th scope="row" className="px-2 py-2 text-left font-medium sm:px-3">
                {village.name}
                <span className="sr-only"> ({t(`kind.${village.kind}`)})</span>
              </th>
              <td className="px-2 py-2 text-right tabular-nums sm:px-3" data-col="households">{n(village.households)}</td>
              {markColumns.map((c) => (
                <td key={c.key} className={`px-2 py-2 text-right tabular-nums sm:px-3 ${c.className}`} data-col={c.key}>
                  {n(village[c.key])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {totals && <tfoot className="border-t-2 border-stone-300 bg-stone-50 font-semibold">
          <tr data-testid="totals-row">
            <th scope="row" className="px-2 py-2 text-left sm:px-3">{t("total")}</th>
            <td className="px-2 py-2 text-right tabular-nums sm:px-3" data-col="households">{n(totals.households)}</td>
            {markColumns.map((c) => (
              <td key={c.key} className={`px-2 py-2 text-right tabular-nums sm:px-3 ${c.className}`} data-col={c.key}>
                {n(totals[c.key])}
              </td>
            ))}
          </tr>
        </tfoot>}
      </table>
    </div>
  );
}
