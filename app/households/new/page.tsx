import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CreateHouseholdForm } from "@/components/households/create-household-form";
import { withNotice } from "@/components/ui/with-notice";
import { chinaToday } from "@/lib/domain/entry-date";
import { requireActor } from "@/lib/server/auth/current-actor";
import { villageIdOf } from "@/lib/server/authz";
import { listVillageGroups } from "@/lib/server/households/list-village-groups";

export async function generateMetadata() {
  const t = await getTranslations("households.new");
  return { title: t("title") };
}

export default withNotice(async function NewHouseholdPage() {
  const actor = await requireActor("households.manage");
  const [t, groups] = await Promise.all([getTranslations("households"), listVillageGroups(actor, villageIdOf(actor))]);
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <Link href="/households" className="inline-flex min-h-11 items-center text-red-800 underline">{t("title")}</Link>
      <div>
        <h1 className="text-xl font-bold sm:text-2xl">{t("new.title")}</h1>
        <p className="mt-1 text-sm text-stone-600">{t("new.intro")}</p>
      </div>
      <CreateHouseholdForm groups={groups} today={chinaToday(new Date())} />
    </div>
  );
});
