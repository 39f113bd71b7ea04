"use client";

import { useTranslations } from "next-intl";
import { memo } from "react";
import { largeInputClass } from "@/components/ui/field";
import type { ReviewItem } from "@/lib/schemas/reviews";
import { EntryFacts } from "./entry-facts";

type Props = {
  item: ReviewItem;
  recused: boolean;
  objected: boolean;
  reason: string;
  error: string | undefined;
  onToggle: (entryId: string) => void;
  onReason: (entryId: string, reason: string) => void;
};

/**
 * One entry of the ballot. Approving is the default, so the only control is "object", which
 * asks for the reason. Memoised: typing a reason re-renders this row, not the other eighty.
 */
export const BallotRow = memo(function BallotRow({ item, recused, objected, reason, error, onToggle, onReason }: Props) {
  const t = useTranslations("reviews.ballot");
  const id = item.entry.id;
  return (
    <li data-testid="ballot-entry" data-entry-id={id} data-archive-no={item.entry.household.archiveNo} data-category={item.entry.category}
      data-marks={item.entry.marks} data-occurred-on={item.entry.occurredOn}
      className={`space-y-2 rounded-lg border bg-white p-3 shadow-sm ${objected ? "border-red-700 ring-1 ring-red-700" : "border-stone-200"}`}>
      <EntryFacts item={item} titleId={`entry-${id}`} />
      {recused ? (
        <p className="rounded-md bg-stone-100 px-3 py-2 text-stone-700" data-testid="recused">
          <span className="mr-2 inline-block rounded bg-stone-700 px-2 py-0.5 text-sm font-semibold text-white">{t("recused")}</span>
          {t("recusedNote")}
        </p>
      ) : (
        <>
          <label className={`flex min-h-12 cursor-pointer items-center gap-3 rounded-md border px-3 text-lg font-medium ${objected ? "border-red-700 bg-red-50 text-red-900" : "border-stone-300"}`}>
            <input type="checkbox" checked={objected} onChange={() => onToggle(id)} aria-describedby={`entry-${id}`} className="size-6 accent-red-800" />
            {t("object")}
          </label>
          {objected ? (
            <div className="space-y-1">
              <label htmlFor={`reason-${id}`} className="block font-medium">{t("reason")}</label>
              <textarea id={`reason-${id}`} value={reason} onChange={(e) => onReason(id, e.target.value)} rows={2} maxLength={300} required
                aria-invalid={error ? true : undefined} aria-describedby={error ? `reason-${id}-error` : undefined}
                className={`${largeInputClass} py-2`} />
              {error ? <p id={`reason-${id}-error`} className="text-sm text-red-700">{error}</p> : null}
            </div>
          ) : null}
        </>
      )}
    </li>
  );
});
