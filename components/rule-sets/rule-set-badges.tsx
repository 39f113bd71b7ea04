import { useTranslations } from "next-intl";
import type { RuleSetStatus } from "@/lib/schemas/rule-sets";

const statusStyle: Record<RuleSetStatus, string> = {
  DRAFT: "bg-sky-100 text-sky-900",
  VOTING: "bg-amber-100 text-amber-900",
  ADOPTED: "bg-green-100 text-green-900",
  SUPERSEDED: "bg-stone-200 text-stone-700",
  REJECTED: "bg-stone-200 text-stone-700",
};

export function RuleSetStatusBadge({ status }: { status: RuleSetStatus }) {
  const t = useTranslations("ruleSets.status");
  return <span className={`inline-block rounded px-2 py-0.5 text-sm font-medium ${statusStyle[status]}`} data-status={status}>{t(status)}</span>;
}

export function InForceBadge() {
  const t = useTranslations("ruleSets");
  return <span className="inline-block rounded bg-red-800 px-2 py-0.5 text-sm font-semibold text-white" data-testid="in-force">{t("inForce")}</span>;
}

/** "In force from …", "from … to …" or, before adoption, the proposed day. */
export function EffectiveDates({ status, effectiveFrom, effectiveTo }: { status: RuleSetStatus; effectiveFrom: string | null; effectiveTo: string | null }) {
  const t = useTranslations("ruleSets");
  if (!effectiveFrom) return null;
  if (status === "VOTING" || status === "REJECTED") return <span>{t("proposedFrom", { from: effectiveFrom })}</span>;
  if (effectiveTo) return <span>{t("effectiveBetween", { from: effectiveFrom, to: effectiveTo })}</span>;
  return <span>{t("effectiveSince", { from: effectiveFrom })}</span>;
}
