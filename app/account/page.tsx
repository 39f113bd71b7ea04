import { getTranslations } from "next-intl/server";
import { SignInHistory } from "@/components/accounts/sign-in-history";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { listMySignIns } from "@/lib/server/accounts/list-my-sign-ins";
import { requireActor } from "@/lib/server/auth/current-actor";

export default async function MyAccountPage() {
  const actor = await requireActor("me.read");
  const [t, history] = await Promise.all([getTranslations(), listMySignIns(actor)]);
  return (
    <div className="mx-auto max-w-md space-y-4">
      <section className="rounded-lg border border-stone-200 bg-white p-5">
        <h1 className="text-xl font-bold">{t("account.title")}</h1>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
          <dt className="text-stone-500">{t("account.name")}</dt>
          <dd data-testid="account-name">{actor.displayName}</dd>
          <dt className="text-stone-500">{t("account.username")}</dt>
          <dd className="font-mono">{actor.username}</dd>
          <dt className="text-stone-500">{t("account.role")}</dt>
          <dd data-testid="account-role">{t(`roles.${actor.role}`)}</dd>
        </dl>
        {actor.viaAccessCode ? (
          <p className="mt-3 rounded-md bg-amber-50 p-3 text-amber-900" data-testid="via-access-code">{t("account.viaAccessCodeNote")}</p>
        ) : null}
      </section>
      <section className="rounded-lg border border-stone-200 bg-white p-5">
        <h2 className="mb-3 text-lg font-semibold">{t("account.changePasswordTitle")}</h2>
        <p className="mb-3 text-sm text-stone-600">{t("account.changePasswordEffect")}</p>
        <ChangePasswordForm needsCurrent />
      </section>
      <section className="rounded-lg border border-stone-200 bg-white p-5">
        <h2 className="text-lg font-semibold">{t("account.signIns.title")}</h2>
        <p className="mb-2 text-sm text-stone-600">{t("account.signIns.intro")}</p>
        <SignInHistory items={history.items} />
      </section>
    </div>
  );
}
