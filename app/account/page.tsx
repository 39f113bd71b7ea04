import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { requireActor } from "@/lib/server/auth/current-actor";

export default async function MyAccountPage() {
  const actor = await requireActor("me.read");
  const t = await getTranslations();
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
      </section>
      <section className="rounded-lg border border-stone-200 bg-white p-5">
        <h2 className="mb-3 text-lg font-semibold">{t("account.changePasswordTitle")}</h2>
        <ChangePasswordForm needsCurrent />
      </section>
    </div>
  );
}
