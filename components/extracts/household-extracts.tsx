import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { changeExtractAction, requestExtractAction } from "@/app/extracts/actions";
import { buttonClass } from "@/components/ui/button";
import type { ExtractsSection } from "@/lib/server/archive/load-archive-section";
import { EmptyState } from "@/components/ui/empty-state";
import { ActionButton, RequestExtractForm } from "./extract-forms";
import { ExtractFacts, ExtractStatusBadge } from "./extract-status";

/**
 * A household's extracts (证明材料) on its archive: ask for one with a purpose, confirm or refuse
 * a clerk's request, and once issued, print it or download the signed file (电子版).
 */
export async function HouseholdExtracts({ section }: { section: ExtractsSection }) {
  const { householdId, items, isOwn, mayConsent, mayRequest, isRecused } = section;
  const t = await getTranslations("extracts");
  return (
    <section className="space-y-3 rounded-lg border border-stone-200 bg-white p-4" aria-labelledby="extracts-title" data-testid="household-extracts">
      <h3 id="extracts-title" className="text-lg font-bold">{t("sectionTitle")}</h3>
      <p className="text-sm text-stone-600">{isOwn ? t("introHousehold") : t("introStaff")}</p>
      {items.length === 0 ? (
        <EmptyState message={t("none")} hint={mayRequest ? t(isOwn ? "noneHintHousehold" : "noneHintClerk") : undefined} />
      ) : (
        <ul className="divide-y divide-stone-100">
          {items.map((extract) => (
            <li key={extract.id} className="space-y-2 py-3" data-testid="extract-item" data-extract-id={extract.id}>
              <div className="flex flex-wrap items-start justify-between gap-2">
                <ExtractFacts extract={extract} />
                <ExtractStatusBadge status={extract.status} />
              </div>
              {extract.status === "AWAITING_CONSENT" && mayConsent ? (
                <div className="space-y-2 rounded-md bg-amber-50 p-3">
                  <p className="text-amber-900">{t("consent.question")}</p>
                  <div className="flex flex-wrap gap-3">
                    <ActionButton action={changeExtractAction.bind(null, extract.id, "consent")} label={t("consent.agree")} doneLabel={t("consent.agreed")} testId="extract-consent" />
                    <ActionButton action={changeExtractAction.bind(null, extract.id, "refuse")} label={t("consent.refuse")} doneLabel={t("consent.refused")} testId="extract-refuse" tone="secondary" />
                  </div>
                </div>
              ) : null}
              {extract.status === "ISSUED" ? (
                <div className="flex flex-wrap gap-3">
                  <Link href={`/extracts/${extract.id}/print`} className={buttonClass()} data-testid="extract-print-link">{t("print")}</Link>
                  <a href={`/api/v1/extracts/${extract.id}/jws`} download className={buttonClass({ tone: "plain" })}>{t("download")}</a>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {mayRequest ? <RequestExtractForm action={requestExtractAction.bind(null, householdId)} forHousehold={isOwn} /> : null}
      {isRecused ? <p className="text-sm text-stone-600">{t("recused")}</p> : null}
    </section>
  );
}
