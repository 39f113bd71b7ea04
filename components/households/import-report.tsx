"use client";

import { useTranslations } from "next-intl";
import type { ImportReport } from "@/lib/schemas/household-import";

const SHOWN = 500;

/** What the check found: the counts, and every problem by row and column (the first 500 listed). */
export function ImportReportView({ report }: { report: ImportReport }) {
  const t = useTranslations("householdImport");
  const shown = report.problems.slice(0, SHOWN);
  return (
    <section className="space-y-3" aria-labelledby="import-report-title" data-testid="import-report">
      <h2 id="import-report-title" className="text-lg font-semibold">{t("reportTitle")}</h2>
      <p>{t("summary", { fileName: report.fileName, rows: report.rows, households: report.newHouseholds, members: report.newMembers, unchanged: report.unchangedHouseholds })}</p>
      {report.problems.length ? (
        <>
          <p role="alert" className="font-medium text-red-800">{t("problemsTitle", { count: report.problems.length })}</p>
          <div className="max-h-[60vh] overflow-auto rounded-md border border-stone-200">
            <table className="w-full text-left text-sm">
              <thead className="sticky top-0 bg-stone-100">
                <tr><th className="p-2">{t("row")}</th><th className="p-2">{t("column")}</th><th className="p-2">{t("problemColumn")}</th></tr>
              </thead>
              <tbody className="divide-y divide-stone-100 bg-white" data-testid="import-problems">
                {shown.map((p, i) => (
                  <tr key={i} className="align-top">
                    <td className="whitespace-nowrap p-2 font-mono">{p.row || t("wholeFile")}</td>
                    <td className="whitespace-nowrap p-2">{p.column}</td>
                    <td className="p-2">{p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {report.problems.length > SHOWN ? <p className="text-sm text-stone-600">{t("moreProblems", { shown: SHOWN, more: report.problems.length - SHOWN })}</p> : null}
        </>
      ) : (
        <p className="rounded-md bg-green-50 p-3 text-green-800">{report.newHouseholds ? t("noProblems") : t("nothingNew")}</p>
      )}
    </section>
  );
}
