"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";

type Props = { entryId: string; replayed: boolean; household: { id: string; headName: string } };

export function RecordSuccess({ entryId, replayed, household }: Props) {
  const t = useTranslations("entries.new");
  return (
    <div className="space-y-4 rounded-lg border border-green-200 bg-green-50 p-4" role="status" data-testid="entry-recorded">
      <h2 className="text-xl font-bold text-green-900">{t("recordedTitle")}</h2>
      <p className="text-green-900">{t("recordedBody", { head: household.headName })}</p>
      {replayed ? <p className="text-sm text-green-800">{t("recordedOnce")}</p> : null}
      <div className="grid gap-2 sm:grid-cols-2">
        <Link href={`/entries/new?householdId=${household.id}&after=${entryId}`} className={buttonClass({ size: "lg" })}>
          {t("recordAnotherSame")}
        </Link>
        <Link href="/entries/new" className={buttonClass({ tone: "plain", size: "lg" })}>{t("recordAnother")}</Link>
        <Link href={`/entries/${entryId}`} className={buttonClass({ tone: "plain", size: "lg" })}>{t("viewEntry")}</Link>
        <Link href={`/households/${household.id}`} className={buttonClass({ tone: "plain", size: "lg" })}>{t("viewHousehold")}</Link>
      </div>
    </div>
  );
}
