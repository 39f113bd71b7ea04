import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DraftRuleSetForm } from "@/components/rule-sets/draft-rule-set-form";
import { RuleSetList } from "@/components/rule-sets/rule-set-list";
import { VillageChooser } from "@/components/ui/village-chooser";
import { withNotice } from "@/components/ui/with-notice";
import { IdSchema } from "@/lib/schemas/common";
import { requireActor } from "@/lib/server/auth/current-actor";
import { can } from "@/lib/server/authz";
import { getRuleSetsOverview } from "@/lib/server/rule-sets/get-rule-sets-overview";
import { listVillages } from "@/lib/server/villages/list-villages";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata() {
  const t = await getTranslations("ruleSets");
  return { title: t("title") };
}

/** The village's rule-set versions and the one in force; township staff choose a village first. */
export default withNotice(async function RuleSetsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor("ruleSets.read");
  const requested = (await searchParams).villageId;
  const villageId = actor.villageId ?? (typeof requested === "string" ? requested : null);
  if (!villageId) return <VillageChooser villages={(await listVillages(actor, { active: true })).items} action="/rule-sets" namespace="ruleSets" />;
  if (!IdSchema.safeParse(villageId).success) notFound();

  const [overview, t] = await Promise.all([getRuleSetsOverview(actor, villageId), getTranslations("ruleSets")]);
  const { village, versions, open, nextVersion } = overview;
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <div className="space-y-1">
        <h1 className="text-xl font-bold sm:text-2xl">{t("title")} · {village.name}</h1>
        <p className="text-stone-600">{t("intro")}</p>
        <Link href={`/villages/${village.id}/rules`} className="inline-flex min-h-11 items-center text-red-800 underline underline-offset-2">{t("publicLink")}</Link>
      </div>
      {open ? (
        <p className="rounded-md bg-amber-50 p-3 text-amber-900">
          {t("openExists", { version: open.version, status: t(`status.${open.status}`) })}{" "}
          <Link href={`/rule-sets/${open.id}`} className="font-semibold underline">{t("openThis", { version: open.version })}</Link>
        </p>
      ) : can(actor, "ruleSets.manage") ? (
        <DraftRuleSetForm villageId={village.id} defaultTitle={t("draft.defaultTitle", { village: village.name, version: nextVersion })} />
      ) : null}
      <RuleSetList versions={versions} canDraft={can(actor, "ruleSets.manage")} />
    </div>
  );
});
