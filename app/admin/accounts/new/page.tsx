import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CreateAccountForm } from "@/components/accounts/create-account-form";
import { staffRoles, townshipOptions, villageOptions } from "@/components/accounts/options";
import { withNotice } from "@/components/ui/with-notice";
import { requireActor } from "@/lib/server/auth/current-actor";
import { managedRoles } from "@/lib/server/authz/manage-accounts";
import { listTownshipOptions } from "@/lib/server/villages/list-township-options";
import { listVillages } from "@/lib/server/villages/list-villages";

export async function generateMetadata() {
  const t = await getTranslations("accounts");
  return { title: t("newTitle") };
}

export default withNotice(async function NewAccountPage() {
  const actor = await requireActor("accounts.manage");
  const isAdmin = actor.role === "ADMIN";
  const [t, villages, townships] = await Promise.all([
    getTranslations("accounts"),
    listVillages(actor, { active: true }),
    isAdmin ? listTownshipOptions(actor) : Promise.resolve([]),
  ]);
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <Link href="/admin/accounts" className="inline-flex min-h-11 items-center text-red-800 underline">{t("backToList")}</Link>
      <h1 className="text-xl font-bold sm:text-2xl">{t("newTitle")}</h1>
      <p className="text-sm text-stone-600">
        {t("newIntro")}{" "}
        <Link href="/access-codes" className="text-red-800 underline">{t("householdsViaCodes")}</Link>
      </p>
      <CreateAccountForm roles={staffRoles(managedRoles(actor))}
        villages={villageOptions(villages.items)} townships={townshipOptions(townships)} />
    </div>
  );
});
