"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { buttonClass } from "@/components/ui/button";
import { ArchiveNo } from "@/components/ui/archive-no";
import type { ReviewItem } from "@/lib/schemas/reviews";

type Exception = { entryId: string; reason?: string | undefined };
type Props = {
  items: ReviewItem[];
  exceptions: Exception[];
  recused: number;
  voter: string | null; // the representative of a paper ballot
  pending: boolean;
  onBack: () => void;
};

/** The last look before a ballot is cast: it cannot be changed afterwards. */
export function BallotConfirm({ items, exceptions, recused, voter, pending, onBack }: Props) {
  const t = useTranslations("reviews.ballot");
  const byId = new Map(items.map((item) => [item.entry.id, item.entry]));
  const approve = items.length - recused - exceptions.length;
  const panel = useRef<HTMLElement>(null);
  // The list above may be long: bring the question into view and to the screen reader.
  useEffect(() => {
    panel.current?.scrollIntoView({ block: "start" });
    panel.current?.focus();
  }, []);
  return (
    <section ref={panel} tabIndex={-1} className="scroll-mt-2 space-y-3 rounded-lg border-2 border-red-800 bg-white p-4 outline-none"
      aria-labelledby="confirm-title" data-testid="ballot-confirm">
      <h2 id="confirm-title" className="text-xl font-bold">{voter ? t("confirmPaperTitle", { name: voter }) : t("confirmTitle")}</h2>
      <p className="text-lg">{t("confirmTally", { approve, objections: exceptions.length, recused })}</p>
      {exceptions.length > 0 ? (
        <ul className="space-y-2">
          {exceptions.map((e) => {
            const entry = byId.get(e.entryId)!;
            return (
              <li key={e.entryId} className="rounded-md bg-red-50 p-2">
                <p className="font-medium">{t.rich("objectionLine", { head: entry.household.headName, archiveNo: entry.household.archiveNo, rule: entry.rule.title, no: (chunks) => <ArchiveNo>{chunks}</ArchiveNo> })}</p>
                <p className="text-stone-700">{t("objectionReason", { reason: e.reason ?? "" })}</p>
              </li>
            );
          })}
        </ul>
      ) : null}
      <p className="font-medium text-red-900">{t("final")}</p>
      <div className="flex flex-col gap-3 sm:flex-row">
        <button type="submit" disabled={pending} className={buttonClass({ size: "xl" })}>
          {pending ? t("submitting") : t("confirm")}
        </button>
        <button type="button" onClick={onBack} disabled={pending} className={buttonClass({ tone: "plain", size: "lg" })}>
          {t("back")}
        </button>
      </div>
    </section>
  );
}
