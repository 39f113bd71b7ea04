import { getFormatter, getTranslations } from "next-intl/server";
import type { ArchiveEntry } from "@/lib/schemas/archive";
import { PhotoStrip } from "./photo-strip";

const tone = {
  REQUESTED: "border-amber-300", APPROVED: "border-green-400", DECLINED: "border-stone-400",
  OPEN: "border-amber-300", UPHELD: "border-green-400", DISMISSED: "border-stone-400",
} as const;

/** The entry's rectification requests and appeals, and what the council answered. */
export async function DueProcessHistory({ entry }: { entry: ArchiveEntry }) {
  const [t, format] = await Promise.all([getTranslations("archive.history"), getFormatter()]);
  if (!entry.rectifications.length && !entry.appeals.length) return null;
  const day = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeZone: "Asia/Shanghai" });
  return (
    <ul className="space-y-2" data-testid="due-process">
      {entry.rectifications.map((r) => (
        <li key={r.id} className={`space-y-1 border-l-4 pl-3 ${tone[r.status]}`} data-rectification={r.status}>
          <p className="font-medium">{t(`rectification.${r.status}`)}</p>
          <p className="text-sm text-stone-600">{t("requestedOn", { date: day(r.createdAt) })}</p>
          <p className="text-stone-700">{t("note", { note: r.note })}</p>
          <PhotoStrip photos={r.evidence} alt={t("photoAlt")} />
          {r.decisionReason ? (
            <p className="text-stone-800">{t("answer", { date: day(r.decidedAt ?? r.createdAt), reason: r.decisionReason })}</p>
          ) : r.decidedAt ? (
            <p className="text-stone-800">{t("decidedOn", { date: day(r.decidedAt) })}</p>
          ) : null}
        </li>
      ))}
      {entry.appeals.map((a) => (
        <li key={a.id} className={`space-y-1 border-l-4 pl-3 ${tone[a.status]}`} data-appeal={a.status}>
          <p className="font-medium">{t(`appeal.${a.status}`)}</p>
          <p className="text-sm text-stone-600">
            {a.status === "OPEN"
              ? t("lodgedWaiting", { date: day(a.createdAt), days: a.ageDays })
              : t("lodgedOn", { date: day(a.createdAt) })}
          </p>
          <p className="text-stone-700">{t("appealReason", { reason: a.reason })}</p>
          {a.resolution ? <p className="text-stone-800">{t("answer", { date: day(a.resolvedAt ?? a.createdAt), reason: a.resolution })}</p> : null}
        </li>
      ))}
    </ul>
  );
}
