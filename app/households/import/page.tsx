import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";
import { Field, inputClass } from "@/components/ui/field";
import { villageOptions } from "@/components/accounts/options";
import { HouseholdImport } from "@/components/households/household-import";
import { withNotice } from "@/components/ui/with-notice";
import { requireActor } from "@/lib/server/auth/current-actor";
import { can } from "@/lib/server/authz";
import { listVillages } from "@/lib/server/villages/list-villages";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata() {
  const t = await getTranslations("householdImport");
  return { title: t("title") };
}

// Clerks import into and export their own village; township staff choose a village to export.
export default withNotice(async function HouseholdImportPage({ searchParams }: { searchParams: SearchParams }) {
    const actor = await requireActor("households.search");
    const [t, th, villages] = await Promise.all([getTranslations("householdImport"), getTranslations("households"), listVillages(actor)]);
    const wanted = (await searchParams).villageId;
    const village = villages.items.find((v) => v.id === wanted) ?? villages.items[0];
    const canImport = can(actor, "households.manage") && !!village && village.id === actor.villageId;
    const base = village ? `/api/v1/villages/${village.id}/households` : "";
    const button = buttonClass({ tone: "plain", size: "lg" });
    return (
      <div className="mx-auto max-w-3xl space-y-4">
        <Link href="/households" className="inline-flex min-h-11 items-center text-red-800 underline">{th("title")}</Link>
        <div>
          <h1 className="text-xl font-bold sm:text-2xl">{t("title")}</h1>
          {canImport ? <p className="mt-1 text-sm text-stone-600">{t("intro")}</p> : null}
        </div>
        {villages.items.length > 1 ? (
          <form method="get" className={`flex flex-wrap items-end gap-3 ${cardClass}`}>
            <div className="min-w-0 flex-1">
              <Field id="import-village" label={t("villageLabel")}>
                <select id="import-village" name="villageId" defaultValue={village?.id} className={inputClass}>
                  {villageOptions(villages.items).map((v) => <option key={v.id} value={v.id}>{v.label}</option>)}
                </select>
              </Field>
            </div>
            <button type="submit" className={button}>{t("chooseVillage")}</button>
          </form>
        ) : null}
        {canImport && village ? (
          <>
            <section className={`space-y-3 ${cardClass}`} aria-labelledby="template-title">
              <h2 id="template-title" className="text-lg font-semibold">{t("templateTitle")}</h2>
              <p className="text-sm text-stone-600">{t("templateHint")}</p>
              <div className="flex flex-col gap-2 sm:flex-row">
                <a href={`${base}/template`} download className={button} data-testid="template-xlsx">{t("templateXlsx")}</a>
                <a href={`${base}/template?format=csv`} download className={button}>{t("templateCsv")}</a>
              </div>
            </section>
            <HouseholdImport villageId={village.id} />
          </>
        ) : null}
        {village ? (
          <section className={`space-y-3 ${cardClass}`} aria-labelledby="export-title">
            <h2 id="export-title" className="text-lg font-semibold">{t("exportTitle")}</h2>
            <p className="text-sm text-stone-600">{t("exportHint")}</p>
            <a href={`${base}/export`} download className={button} data-testid="export-xlsx">{t("exportButton")}</a>
          </section>
        ) : null}
      </div>
    );
});
