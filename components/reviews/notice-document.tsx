import { getFormatter, getTranslations } from "next-intl/server";
import { PrintButton } from "@/components/ui/print-button";
import { QrCode } from "@/components/ui/qr-code";
import { dayToDate } from "@/lib/domain/entry-date";
import type { ReviewNotice } from "@/lib/schemas/reviews";
import { NoticeEntries } from "./notice-entries";

const CATEGORIES = ["RED", "YELLOW", "BLACK"] as const;

/**
 * The public notice (公示) of a closed review, laid out for an A4 sheet on the village board:
 * what was confirmed, until when objections are expected, how to appeal, the township digest
 * that fixes the archive as it stood, and a QR code back to this page.
 */
export async function NoticeDocument({ notice, url }: { notice: ReviewNotice; url: string }) {
  const [t, format] = await Promise.all([getTranslations("notice"), getFormatter()]);
  const formatDay = (day: string) => format.dateTime(dayToDate(day), { dateStyle: "long" });
  const place = { village: notice.village.name, year: notice.year, quarter: notice.quarter };
  const hasNegative = notice.entries.some((e) => e.category !== "RED");
  return (
    <article className="notice-sheet mx-auto max-w-[210mm] space-y-4 bg-white p-4 shadow-sm sm:p-8" data-testid="notice">
      <div className="flex justify-end print:hidden"><PrintButton label={t("print")} /></div>
      {/* Not a <header>: the app hides those when printing. */}
      <div className="space-y-1 text-center">
        <h1 className="notice-title text-2xl font-bold">{t("title", place)}</h1>
        <p>{t("issuer", { county: notice.township.county, township: notice.township.name, village: notice.village.name })}</p>
      </div>
      <p className="notice-paragraph">
        {t("intro", { date: formatDay(notice.meetingDate), roster: notice.roster, attending: notice.attending, count: notice.entries.length })}
      </p>
      {notice.entries.length === 0 ? <p className="notice-paragraph">{t("none")}</p> : null}
      {CATEGORIES.map((category) => (
        <NoticeEntries key={category} category={category} entries={notice.entries.filter((e) => e.category === category)}
          withDetail={category === "RED" || !notice.hidesNegativeDetail} formatDay={formatDay} />
      ))}
      <section className="notice-section space-y-2" aria-labelledby="notice-period">
        <h2 id="notice-period" className="notice-heading text-lg font-bold">{t("periodTitle")}</h2>
        <p className="notice-paragraph" data-testid="notice-period">{t("period", { from: formatDay(notice.noticeStartsOn), to: formatDay(notice.noticeEndsOn) })}</p>
        <p className="notice-paragraph" data-testid="notice-appeal">{t("appeal", { village: notice.village.name, to: formatDay(notice.noticeEndsOn) })}</p>
        {hasNegative ? <p className="notice-paragraph">{t("yellowNote")}</p> : null}
      </section>
      <footer className="notice-footer flex flex-col gap-4 pt-4 sm:flex-row sm:items-end sm:justify-between print:flex-row print:items-end print:justify-between">
        <div className="flex items-end gap-3">
          <QrCode value={url} label={t("qrLabel")} className="size-28 shrink-0" />
          <div className="min-w-0 text-sm">
            <p>{t("qrText")}</p>
            <p className="break-all font-mono text-xs" data-testid="notice-url">{url}</p>
          </div>
        </div>
        <div className="shrink-0 text-right">
          <p>{t("signature", { village: notice.village.name })}</p>
          <p>{formatDay(notice.noticeStartsOn)}</p>
        </div>
      </footer>
      {notice.digest ? (
        <p className="notice-digest border-t border-stone-300 pt-2 text-[10px] leading-snug text-stone-600" data-testid="notice-digest">
          {t("digest", { township: notice.township.name })}<span className="break-all font-mono">{notice.digest}</span>{t("digestWhy")}
        </p>
      ) : null}
    </article>
  );
}
