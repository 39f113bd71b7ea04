import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { getCurrentActor } from "@/lib/server/auth/current-actor";

// Where a household lands after signing in with its one-time access code.
export default async function ChoosePasswordPage() {
  const actor = await getCurrentActor();
  if (!actor) redirect("/sign-in");
  if (!actor.mustChangePassword) redirect("/account");
  const t = await getTranslations("account");
  return (
    <div className="mx-auto max-w-md space-y-4 rounded-lg border border-stone-200 bg-white p-5 sm:p-6">
      <h1 className="text-xl font-bold">{t("choosePasswordTitle")}</h1>
      <p className="text-stone-700">{t("choosePasswordIntro")}</p>
      <ChangePasswordForm needsCurrent={false} />
    </div>
  );
}
