import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { renderOrNotice } from "@/components/accounts/app-error-notice";
import { HouseholdArchive } from "@/components/archive/household-archive";
import { HouseholdCard } from "@/components/households/household-card";
import { HouseholdEditForm } from "@/components/households/household-edit-form";
import { HouseholdHistory } from "@/components/households/household-history";
import { HouseholdStatusForm } from "@/components/households/household-status-form";
import { MemberList } from "@/components/households/member-list";
import { Disclosure } from "@/components/ui/disclosure";
import { IdSchema } from "@/lib/schemas/common";
import { requireActor } from "@/lib/server/auth/current-actor";
import { can, canOn } from "@/lib/server/authz";
import { AppError } from "@/lib/server/errors";
import { getHousehold } from "@/lib/server/households/get-household";
import { listHouseholdHistory } from "@/lib/server/households/list-household-history";
import { listVillageGroups } from "@/lib/server/households/list-village-groups";

type Params = Promise<{ id: string }>;

export async function generateMetadata() {
  const t = await getTranslations("households");
  return { title: t("title") };
}

// The page is a stack of sections (card, members, changes, history) so that others, such as
// the household's archive of marks, can be added as sections of their own.
export default async function HouseholdPage({ params }: { params: Params }) {
  return renderOrNotice(async () => {
    const actor = await requireActor("households.read");
    const parsed = IdSchema.safeParse((await params).id);
    if (!parsed.success) throw new AppError("NOT_FOUND", "errors.notFound");
    const household = await getHousehold(actor, parsed.data);
    const [t, history, groups] = await Promise.all([
      getTranslations("households"), listHouseholdHistory(actor, household.id), listVillageGroups(actor, household.village.id),
    ]);
    // Only the council of the household's own village changes it (authz checks again on save).
    const canManage = canOn(actor, "households.manage", household.id) && actor.villageId === household.village.id;
    return (
      <div className="mx-auto max-w-3xl space-y-4">
        {can(actor, "households.search") ? (
          <Link href="/households" className="inline-flex min-h-11 items-center text-red-800 underline">{t("title")}</Link>
        ) : null}
        <HouseholdCard household={household} />
        <MemberList household={household} canManage={canManage} />
        {canManage ? (
          <section className="flex flex-col gap-2 sm:flex-row" aria-label={t("detail.editHousehold")}>
            <Disclosure label={t("detail.editHousehold")} className="sm:min-w-0 sm:flex-1"><HouseholdEditForm household={household} groups={groups} /></Disclosure>
            <Disclosure label={t("detail.statusTitle")} className="sm:min-w-0 sm:flex-1"><HouseholdStatusForm household={household} /></Disclosure>
          </section>
        ) : can(actor, "households.search") ? (
          <p className="text-sm text-stone-500">{t("detail.readOnly")}</p>
        ) : null}
        <HouseholdArchive actor={actor} householdId={household.id} />
        <HouseholdHistory items={history.items} groups={new Map(groups.map((g) => [g.id, g.name]))}
          memberNames={new Map(household.members.map((m) => [m.id, m.name]))} />
      </div>
    );
  });
}
