import { getFormatter, getTranslations } from "next-intl/server";
import { ArchiveNo } from "@/components/ui/archive-no";
import { PrintButton } from "@/components/ui/print-button";
import { QrCode } from "@/components/ui/qr-code";
import { dayToDate } from "@/lib/domain/entry-date";
import type { ExtractContent } from "@/lib/domain/extract-content";

/**
 * What an extract prints, exactly as frozen and signed at issue: the household, the period, the
 * confirmed reds, the counts of active yellows and of blacks, the score, the awards, the dates,
 * the township digest, the signing key's id and the code. The print view and the public check both show this, and
 * nothing else.
 */
export async function ExtractBody({ content }: { content: ExtractContent }) {
  const [t, format] = await Promise.all([getTranslations("extracts.document"), getFormatter()]);
  const day = (d: string) => format.dateTime(dayToDate(d), { dateStyle: "long", timeZone: "UTC" });
  const s = content.score;
  return (
    <div className="space-y-4">
      <dl className="extract-facts grid grid-cols-[auto_1fr] gap-x-4 gap-y-1" data-testid="extract-facts">
        <dt>{t("archiveNo")}</dt><dd className="font-mono"><ArchiveNo>{content.household.archiveNo}</ArchiveNo></dd>
        <dt>{t("head")}</dt><dd>{content.household.headName}</dd>
        <dt>{t("village")}</dt><dd>{content.township.county}{content.township.name}{content.household.village}</dd>
        <dt>{t("purpose")}</dt><dd>{t(`purposes.${content.purpose}`)}{content.purposeNote ? `（${content.purposeNote}）` : ""}</dd>
        <dt>{t("period")}</dt><dd data-testid="extract-period">{t("periodValue", { from: day(content.period.from), to: day(content.period.to) })}</dd>
      </dl>
      <section className="space-y-2" aria-labelledby="extract-reds">
        <h2 id="extract-reds" className="extract-heading text-lg font-bold">{t("redsTitle", { count: content.reds.length })}</h2>
        {content.reds.length === 0 ? <p>{t("noReds")}</p> : (
          <table className="extract-table w-full border-collapse text-left">
            <thead><tr><th>{t("date")}</th><th>{t("rule")}</th><th className="text-right">{t("marks")}</th></tr></thead>
            <tbody>
              {content.reds.map((r, i) => (
                <tr key={i}>
                  <td data-label={t("date")} className="whitespace-nowrap">{day(r.occurredOn)}</td>
                  <td data-label={t("rule")}><span className="font-mono text-sm">{r.ruleCode}</span> {r.ruleTitle}</td>
                  <td data-label={t("marks")} className="text-right">{r.marks}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="space-y-1" aria-labelledby="extract-summary">
        <h2 id="extract-summary" className="extract-heading text-lg font-bold">{t("summaryTitle")}</h2>
        <p data-testid="extract-counts">{t("counts", { yellows: content.counts.activeYellows, blacks: content.counts.blacks })}</p>
        <p data-testid="extract-score">{t("score", { score: s.score, red: s.redMarks, yellow: s.activeYellowMarks, black: s.blackMarks })}</p>
        <p data-testid="extract-awards">{content.awards.length ? t("awards", { years: content.awards.join("、") }) : t("noAwards")}</p>
      </section>
      <dl className="extract-facts grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt>{t("issuedOn")}</dt><dd data-testid="extract-issued-on">{day(content.issuedOn)}</dd>
        <dt>{t("validUntil")}</dt><dd data-testid="extract-valid-until">{day(content.validUntil)}</dd>
        <dt>{t("code")}</dt><dd className="font-mono text-lg font-bold tracking-wider" data-testid="extract-code">{content.code}</dd>
      </dl>
      <p className="extract-digest break-all text-[10px] leading-snug text-stone-600" data-testid="extract-digest">
        {t("digest", { township: content.township.name })}<span className="font-mono">{content.digest}</span>
      </p>
      <p className="extract-key-id break-all text-[10px] leading-snug text-stone-600" data-testid="extract-key-id">
        {t("keyId")}<span className="font-mono">{content.keyId}</span>
      </p>
    </div>
  );
}

/** The printable A4 extract: title, body, township seal area, QR code with its link. */
export async function ExtractDocument({ content, url, revoked }: { content: ExtractContent; url: string; revoked: boolean }) {
  const t = await getTranslations("extracts.document");
  return (
    <article className="extract-sheet mx-auto max-w-[210mm] space-y-4 bg-white p-4 shadow-sm sm:p-8" data-testid="extract-document">
      <div className="flex justify-end print:hidden"><PrintButton label={t("printButton")} /></div>
      {revoked ? <p className="rounded-md border-2 border-red-700 p-2 text-center text-lg font-bold text-red-800" role="alert">{t("revokedBanner")}</p> : null}
      <div className="space-y-1 text-center">
        <h1 className="extract-title text-2xl font-bold">{t("title")}</h1>
        <p>{t("issuer", { county: content.township.county, township: content.township.name })}</p>
      </div>
      <p className="extract-paragraph">{t("intro", { head: content.household.headName, village: content.household.village })}</p>
      <ExtractBody content={content} />
      <footer className="extract-footer flex flex-col gap-4 pt-2 sm:flex-row sm:items-end sm:justify-between print:flex-row print:items-end print:justify-between">
        <div className="flex items-end gap-3">
          <QrCode value={url} label={t("qrLabel")} className="size-28 shrink-0" />
          <div className="min-w-0 text-sm">
            <p>{t("qrText")}</p>
            <a href={url} className="break-all font-mono text-xs" data-testid="extract-verify-url" data-url={url}>{url}</a>
          </div>
        </div>
        <div className="extract-seal flex size-40 shrink-0 flex-col items-center justify-center self-end rounded-full border-2 border-dashed border-stone-400 text-center text-stone-500" data-testid="extract-seal">
          <span>{t("seal")}</span>
          <span className="text-xs">{content.township.name}</span>
        </div>
      </footer>
      <p className="text-xs text-stone-600">{t("offline")}</p>
    </article>
  );
}
