import { getFormatter, getTranslations } from "next-intl/server";
import { PhotoStrip } from "@/components/archive/photo-strip";
import { CategoryBadge, StatusBadge } from "@/components/entries/entry-badges";
import { EntrySummary } from "@/components/entries/entry-summary";
import { EmptyState } from "@/components/ui/empty-state";
import { isRectifiable } from "@/lib/domain/due-process";
import type { RectificationView } from "@/lib/schemas/rectifications";
import { DecideRectificationForm } from "./decide-rectification-form";

type Props = { items: RectificationView[]; homeHouseholdId: string | null };

/** The village's rectification requests: open ones to decide, then the latest decided. */
export async function RectificationQueue({ items, homeHouseholdId }: Props) {
  const [t, format] = await Promise.all([getTranslations("rectifications"), getFormatter()]);
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeZone: "Asia/Shanghai" });
  // Only a village's council sees this queue; it may also ask on a household's behalf from its archive.
  if (items.length === 0) return <EmptyState testId="rectifications-empty" message={t("empty")} hint={t("emptyHint")} actions={[{ href: "/households", label: t("emptyFind") }]} />;
  return (
    <ul className="space-y-3" data-testid="rectification-queue">
      {items.map((item) => (
        <li key={item.id} className="space-y-2 rounded-lg border border-stone-200 bg-white p-3 shadow-sm" data-status={item.status}>
          <div className="flex flex-wrap items-center gap-2">
            <span className="rounded bg-stone-100 px-2 py-0.5 text-sm font-medium">{t(`status.${item.status}`)}</span>
            <CategoryBadge category={item.entry.category} />
            <StatusBadge status={item.entry.status} />
          </div>
          <EntrySummary household={item.household} entry={item.entry} />
          <div className="rounded-md bg-stone-50 p-2">
            <p className="text-sm text-stone-600">
              {t(item.requestedBy.isHousehold ? "byHousehold" : "byClerk", { name: item.requestedBy.displayName, date: when(item.createdAt) })}
            </p>
            <p className="whitespace-pre-line text-stone-800">{item.note}</p>
            <PhotoStrip photos={item.evidence} alt={t("photoAlt")} />
          </div>
          {item.status !== "REQUESTED" ? (
            <p className="text-stone-700">
              {t("decided", { name: item.decidedBy?.displayName ?? "", date: when(item.decidedAt ?? item.createdAt) })}
              {item.decisionReason ? t("decidedReason", { reason: item.decisionReason }) : null}
            </p>
          ) : item.household.id === homeHouseholdId ? (
            <p className="rounded-md bg-amber-50 p-3 text-amber-900">{t("recused")}</p>
          ) : (
            <>
              {/* Voided or rectified since it was asked: it can only be declined now. */}
              {!isRectifiable(item.entry) ? <p className="rounded-md bg-amber-50 p-3 text-amber-900">{t("entryChanged")}</p> : null}
              <DecideRectificationForm rectificationId={item.id} />
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
