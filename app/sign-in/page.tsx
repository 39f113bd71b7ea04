import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getCurrentActor } from "@/lib/server/auth/current-actor";

export default async function SignInPage() {
  if (await getCurrentActor()) redirect("/");
  const t = await getTranslations("signIn");
  return (
    <div className="mx-auto max-w-md space-y-4 rounded-lg border border-stone-200 bg-white p-5 sm:p-6">
      <h1 className="text-xl font-bold">{t("title")}</h1>
      <Suspense>
        <SignInForm />
      </Suspense>
    </div>
  );
}
