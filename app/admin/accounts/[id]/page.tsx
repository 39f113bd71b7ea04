import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AccountDetails } from "@/components/accounts/account-details";
import { AccountStatusForm } from "@/components/accounts/account-status-form";
import { EditAccountForm } from "@/components/accounts/edit-account-form";
import { cardClass } from "@/components/ui/card";
import { staffRoles, townshipOptions, villageOptions } from "@/components/accounts/options";
import { ResetPasswordForm } from "@/components/accounts/reset-password-form";
import { withNotice } from "@/components/ui/with-notice";
import type { AccountOutput } from "@/lib/schemas/accounts";
import { IdSchema } from "@/lib/schemas/common";
import { getAccount } from "@/lib/server/accounts/get-account";
import type { AuthenticatedActor } from "@/lib/server/auth/resolve-actor";
import { requireActor } from "@/lib/server/auth/current-actor";
import { accountActionsFor, managedRoles, type AccountAction } from "@/lib/server/authz/manage-accounts";
import { AppError } from "@/lib/server/errors";
import { listTownshipOptions } from "@/lib/server/villages/list-township-options";
import { listVillages } from "@/lib/server/villages/list-villages";

type Params = Promise<{ id: string }>;

export async function generateMetadata() {
  const t = await getTranslations("accounts");
  return { title: t("detailTitle") };
}

/** Choices for the edit form; a household account's place follows its household. */
async function placementChoices(actor: AuthenticatedActor, account: AccountOutput, actions: Record<AccountAction, boolean>) {
  if (account.role === "HOUSEHOLD") return null;
  const isAdmin = actor.role === "ADMIN";
  const [villages, townships] = await Promise.all([listVillages(actor), isAdmin ? listTownshipOptions(actor) : []]);
  return {
    // Only roles the policy lets the actor give, and none at all where it may not change the role.
    roles: actions.changeRole ? staffRoles(managedRoles(actor)) : [account.role],
    villages: villageOptions(villages.items.filter((v) => v.active || v.id === account.village?.id)),
    townships: townshipOptions(townships),
  };
}

export default withNotice(async function AccountPage({ params }: { params: Params }) {
    const actor = await requireActor("accounts.read");
    const id = IdSchema.safeParse((await params).id);
    if (!id.success) throw new AppError("NOT_FOUND", "errors.notFound");
    const account = await getAccount(actor, id.data);
    // The page offers only what the policy allows on this account (authz/manage-accounts.ts).
    const actions = accountActionsFor(actor, account);
    const canSetActive = account.active ? actions.deactivate : actions.reactivate;
    const [t, placement] = await Promise.all([getTranslations("accounts"), actions.update ? placementChoices(actor, account, actions) : null]);
    const defaults = {
      displayName: account.displayName, role: account.role, townshipId: account.township?.id,
      villageId: account.village?.id, homeArchiveNo: account.homeHousehold?.archiveNo,
    };
    return (
      <div className="mx-auto max-w-xl space-y-4">
        <Link href="/admin/accounts" className="inline-flex min-h-11 items-center text-red-800 underline">{t("backToList")}</Link>
        <h1 className="flex flex-wrap items-center gap-2 text-xl font-bold sm:text-2xl">
          {account.displayName}
          {account.active ? null : <span className="rounded bg-stone-700 px-2 py-0.5 text-sm font-normal text-white">{t("inactive")}</span>}
        </h1>
        <section className={cardClass}><AccountDetails account={account} /></section>
        {actions.update ? (
          <section className={`space-y-3 ${cardClass}`}>
            <h2 className="text-lg font-semibold">{t("editTitle")}</h2>
            <EditAccountForm accountId={account.id} placement={placement} defaults={defaults} />
          </section>
        ) : (
          <p className="rounded-md bg-stone-100 p-3 text-stone-700" data-testid="not-managed-note">
            {account.id === actor.id ? t("ownAccountNote") : t("notManagedNote")}
          </p>
        )}
        {actions.resetPassword ? (
          <section className={`space-y-3 ${cardClass}`}>
            <h2 className="text-lg font-semibold">{t("passwordTitle")}</h2>
            <p className="text-sm text-stone-600">{t("passwordIntro")}</p>
            <ResetPasswordForm accountId={account.id} />
            {account.household ? (
              <Link href={`/access-codes?q=${encodeURIComponent(account.household.archiveNo)}`}
                className="inline-flex min-h-11 items-center text-red-800 underline">{t("issueCodeInstead")}</Link>
            ) : null}
          </section>
        ) : null}
        {canSetActive ? (
          <section className={`space-y-3 ${cardClass}`}>
            <h2 className="text-lg font-semibold">{t("statusTitle")}</h2>
            <AccountStatusForm accountId={account.id} active={account.active} />
          </section>
        ) : actions.update ? (
          <p className="text-stone-600">{t("ownAccountNote")}</p>
        ) : null}
      </div>
    );
});
