import { useTranslations } from "next-intl";
import type { EntrySummary } from "@/lib/schemas/entries";

const statusStyle: Record<EntrySummary["status"], string> = {
  PENDING: "bg-amber-100 text-amber-900",
  CONFIRMED: "bg-green-100 text-green-900",
  REJECTED: "bg-stone-200 text-stone-700",
  VOIDED: "bg-stone-200 text-stone-600 line-through",
  RECTIFIED: "bg-sky-100 text-sky-900",
};

const categoryStyle: Record<EntrySummary["category"], string> = {
  RED: "bg-red-700 text-white",
  YELLOW: "bg-yellow-400 text-stone-900",
  BLACK: "bg-stone-900 text-white",
};

export function StatusBadge({ status }: { status: EntrySummary["status"] }) {
  const t = useTranslations("entries.status");
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-sm font-medium ${statusStyle[status]}`} data-status={status}>
      {t(status)}
    </span>
  );
}

export function CategoryBadge({ category }: { category: EntrySummary["category"] }) {
  const t = useTranslations("entries.category");
  return <span className={`inline-block rounded px-2 py-0.5 text-sm font-semibold ${categoryStyle[category]}`}>{t(category)}</span>;
}
