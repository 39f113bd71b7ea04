import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { changeExtractAction, requestExtractAction } from "@/app/extracts/actions";
import { EmptyState } from "@/components/lists/empty-state";
import { can, canOn, type Actor } from "@/lib/server/authz";
import { listHouseholdExtracts } from "@/lib/server/extracts/list-extracts";
import { ActionButton, RequestExtractForm } from "./extract-forms";
import { ExtractFacts, ExtractStatusBadge } from "./extract-status";

/**
 * A household's extracts (证明材料) on its archive: ask for one with a purpose, confirm or refuse
 * a clerk's request, and once issued, print it or download the signed file (电子版).
 */
export async function HouseholdExtracts({ actor, householdId }: { actor: Actor; householdId: string }) {
  if (!can(actor, "extracts.read")) return null;
  const [list, t] = await Promise.all([listHouseholdExtracts(actor, householdId, { page: 1, pageSize: 20 }), getTranslations("extracts")]);
  const isOwn = actor.role === "HOUSEHOLD";
  const mayRequest = canOn(actor, "extracts.request", householdId);
  const recused = can(actor, "extracts.request") && !mayRequest;
  return (
    <section className="space-y-3 rounded-lg border border-stone-200 bg-white p-4" aria-labelledby="extracts-title" data-testid="household-extracts">
      <h3 id="extracts-title" className="text-lg font-bold">{t("sectionTitle")}</h3>
      <p className="text-sm text-stone-600">{isOwn ? t("introHousehold") : t("introStaff")}</p>
      {list.items.length === 0 ? (
        <EmptyState message={t("none")} hint={mayRequest ? t(isOwn ? "noneHintHousehold" : "noneHintClerk") : undefined} />
      ) : (
        <ul className="divide-y divide-stone-100">
          {list.items.map((extract) => (
            <li key={extract.id} className="space-y-2 py-3" data-testid="extract-item" data-extract-id={extract.id}>
              <div className="flex flex-wrap items-start justify-between gap-2">
                <ExtractFacts extract={extract} />
                <ExtractStatusBadge status={extract.status} />
              </div>
              {extract.status === "AWAITING_CONSENT" && isOwn && can(actor, "extracts.consent") ? (
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
                  <Link href={`/extracts/${extract.id}/print`} className="inline-flex min-h-11 items-center rounded-md bg-red-800 px-4 font-semibold text-white" data-testid="extract-print-link">{t("print")}</Link>
                  <a href={`/api/v1/extracts/${extract.id}/jws`} download className="inline-flex min-h-11 items-center rounded-md border border-stone-400 px-4 text-stone-800">{t("download")}</a>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {mayRequest ? <RequestExtractForm action={requestExtractAction.bind(null, householdId)} forHousehold={isOwn} /> : null}
      {recused ? <p className="text-sm text-stone-600">{t("recused")}</p> : null}
    </section>
  );
}
