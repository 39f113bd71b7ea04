import { useTranslations } from "next-intl";
import type { HouseholdCard as Card } from "@/lib/action-state";
import { ArchiveNo } from "@/components/ui/archive-no";
import { PrintButton } from "@/components/ui/print-button";

/**
 * The household card with its one-time access code, shown once right after issuing and meant
 * to be printed (or copied by hand) and handed to the household.
 */
export function HouseholdCard({ card }: { card: Card }) {
  const t = useTranslations("accessCodes");
  return (
    <div className="space-y-3">
      <section data-testid="household-card"
        className="space-y-4 rounded-lg border-2 border-dashed border-red-800 bg-white p-5 break-inside-avoid print:border-solid print:border-black print:text-black">
        {/* Not a <header>: the print style sheet hides the page's header elements. */}
        <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-stone-200 pb-2">
          <h3 className="text-lg font-bold">{t("cardTitle")}</h3>
          <span className="text-stone-600">{card.townshipName} · {card.villageName}</span>
        </div>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-lg">
          <dt className="text-stone-500">{t("archiveNo")}</dt>
          <dd className="font-mono font-semibold"><ArchiveNo>{card.archiveNo}</ArchiveNo></dd>
          <dt className="text-stone-500">{t("headName")}</dt>
          <dd>{card.headName}</dd>
        </dl>
        <div className="rounded-md bg-stone-100 p-3 text-center print:bg-white">
          <p className="text-sm text-stone-600">{t("codeLabel")}</p>
          <p className="font-mono text-3xl font-bold tracking-[0.25em] break-all" data-testid="access-code">{card.code}</p>
          <p className="text-sm text-stone-600">{t("codeValidUntil", { date: card.expiresOn })}</p>
        </div>
        <ol className="list-decimal space-y-1 pl-5 text-base">
          <li>{t("stepOpen")} <span className="font-mono break-all">{card.signInUrl}</span></li>
          <li>{t("stepSignIn")}</li>
          <li className="font-semibold">{t("stepChoosePassword")}</li>
          <li>{t("stepKeepSafe")}</li>
        </ol>
      </section>
      <p className="rounded-md bg-amber-50 p-3 text-amber-900 print:hidden">{t("shownOnce")}</p>
      <PrintButton label={t("print")} testId="print-card" />
    </div>
  );
}
