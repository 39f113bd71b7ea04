"use client";

import { useFormatter, useTranslations } from "next-intl";
import { ArchiveNo } from "@/components/ui/archive-no";
import type { ChainVerification } from "@/lib/schemas/chains";

export function ChainVerificationResult({ result }: { result: ChainVerification }) {
  const t = useTranslations("chains");
  const format = useFormatter();
  const summary = t("summary", {
    households: format.number(result.households),
    records: format.number(result.records),
    files: format.number(result.evidenceFiles),
    seconds: format.number(result.durationMs / 1000, { maximumFractionDigits: 1, minimumFractionDigits: 1 }),
  });
  if (result.brokenTotal === 0) {
    return (
      <section data-testid="chains-intact" className="rounded-lg border border-green-300 bg-green-50 p-4">
        <h2 className="font-semibold text-green-900">{t("intactTitle")}</h2>
        <p className="mt-1 text-sm text-green-900">{summary}</p>
      </section>
    );
  }
  return (
    <section data-testid="chains-broken" className="space-y-3">
      <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4">
        <h2 className="font-semibold text-red-900">{t("brokenTitle", { count: result.brokenTotal })}</h2>
        <p className="mt-1 text-sm text-red-900">{summary}</p>
        <p className="mt-2 text-sm leading-relaxed text-red-900">{t("brokenAdvice")}</p>
        {result.brokenTotal > result.broken.length ? (
          <p className="mt-2 text-sm text-red-900">{t("truncated", { shown: result.broken.length })}</p>
        ) : null}
      </div>
      <ul className="space-y-3">
        {result.broken.map((item) => (
          <li key={item.householdId} data-testid="chain-break" className="rounded-lg border border-stone-300 bg-white p-4 shadow-sm">
            <h3 className="font-semibold">{t.rich("archiveNo", { archiveNo: item.archiveNo, no: (chunks) => <ArchiveNo>{chunks}</ArchiveNo> })}</h3>
            <p className="mt-1 text-sm text-stone-700">
              {t("where", { seq: item.chainSeq, kind: t(`kind.${item.kind}`) })}
            </p>
            <p className="mt-1">{t(`problem.${item.problem}`)}</p>
            {item.column ? <p className="mt-1 text-xs text-stone-500">{t("column", { column: item.column })}</p> : null}
            {item.recordId ? (
              <p className="mt-1 text-xs break-all text-stone-500">{t("recordId", { id: item.recordId })}</p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
