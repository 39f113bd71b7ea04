import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { HouseholdArchiveSection } from "@/components/archive/household-archive";
import { HouseholdCard } from "@/components/households/household-card";
import { HouseholdEditForm } from "@/components/households/household-edit-form";
import { HouseholdHistory } from "@/components/households/household-history";
import { HouseholdStatusForm } from "@/components/households/household-status-form";
import { MemberList } from "@/components/households/member-list";
import { Disclosure } from "@/components/ui/disclosure";
import { withNotice } from "@/components/ui/with-notice";
import { IdSchema } from "@/lib/schemas/common";
import { requireActor } from "@/lib/server/auth/current-actor";
import { AppError } from "@/lib/server/errors";
import { loadHouseholdPage } from "@/lib/server/households/load-household-page";

type Params = Promise<{ id: string }>;

export async function generateMetadata() {
  const t = await getTranslations("households");
  return { title: t("title") };
}

// The page is a stack of sections (card, members, changes, archive, history), loaded together
// by lib/server/households/load-household-page.ts.
export default withNotice(async function HouseholdPage({ params }: { params: Params }) {
    const actor = await requireActor("households.read");
    const parsed = IdSchema.safeParse((await params).id);
    if (!parsed.success) throw new AppError("NOT_FOUND", "errors.notFound");
  const [{ household, history, groups, archive, canManage, canSearch }, t] = await Promise.all([
    loadHouseholdPage(actor, parsed.data), getTranslations("households"),
    ]);
    return (
      <div className="mx-auto max-w-3xl space-y-4">
      {canSearch ? (
          <Link href="/households" className="inline-flex min-h-11 items-center text-red-800 underline">{t("title")}</Link>
        ) : null}
        <HouseholdCard household={household} />
        <MemberList household={household} canManage={canManage} />
        {canManage ? (
          <section className="flex flex-col gap-2 sm:flex-row" aria-label={t("detail.editHousehold")}>
            <Disclosure label={t("detail.editHousehold")} className="sm:min-w-0 sm:flex-1"><HouseholdEditForm household={household} groups={groups} /></Disclosure>
            <Disclosure label={t("detail.statusTitle")} className="sm:min-w-0 sm:flex-1"><HouseholdStatusForm household={household} /></Disclosure>
          </section>
      ) : canSearch ? (
          <p className="text-sm text-stone-500">{t("detail.readOnly")}</p>
        ) : null}
      <HouseholdArchiveSection section={archive} />
      <HouseholdHistory items={history} groups={new Map(groups.map((g) => [g.id, g.name]))}
          memberNames={new Map(household.members.map((m) => [m.id, m.name]))} />
      </div>
    );
});
