import { getTranslations } from "next-intl/server";
import { chinaToday } from "@/lib/domain/entry-date";
import type { ExtractView } from "@/lib/schemas/extracts";

const tone: Record<ExtractView["status"], string> = {
  AWAITING_CONSENT: "bg-amber-100 text-amber-900",
  REQUESTED: "bg-sky-100 text-sky-900",
  ISSUED: "bg-green-100 text-green-900",
  DECLINED: "bg-stone-200 text-stone-800",
  REVOKED: "bg-red-100 text-red-900",
};

export async function ExtractStatusBadge({ status }: { status: ExtractView["status"] }) {
  const t = await getTranslations("extracts.status");
  return <span className={`inline-block rounded px-2 py-0.5 text-sm font-medium ${tone[status]}`} data-testid="extract-status" data-status={status}>{t(status)}</span>;
}

/** The facts of an extract in a list: purpose, who asked and when, what became of it. */
export async function ExtractFacts({ extract }: { extract: ExtractView }) {
  const t = await getTranslations("extracts");
  const day = (iso: string | null) => (iso ? chinaToday(new Date(iso)) : "");
  return (
    <div className="space-y-1">
      <p className="font-medium">
        {t(`purpose.${extract.purpose}`)}{extract.purposeNote ? `：${extract.purposeNote}` : ""}
      </p>
      <p className="text-sm text-stone-600">
        {t("requestedOn", { day: day(extract.requestedAt), who: extract.requestedBy.displayName })}
        {extract.requestedBy.isHousehold ? "" : ` · ${t("byClerk")}`}
      </p>
      {extract.status === "ISSUED" || extract.status === "REVOKED" ? (
        <p className="text-sm text-stone-700">{t("issuedOn", { day: day(extract.issuedAt), until: extract.validUntil ?? "", code: extract.code ?? "" })}</p>
      ) : null}
      {extract.declinedReason ? <p className="text-sm text-stone-700">{t("declinedReason", { reason: extract.declinedReason })}</p> : null}
      {extract.revokedReason ? <p className="text-sm text-red-800">{t("revokedReason", { day: day(extract.revokedAt), reason: extract.revokedReason })}</p> : null}
    </div>
  );
}
