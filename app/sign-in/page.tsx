import Link from "next/link";
import { getTranslations } from "next-intl/server";

// Placeholder until the accounts issue lands; it says so rather than pretending to sign in.
export default async function SignInPage() {
  const t = await getTranslations("signIn");
  return (
    <div className="mx-auto max-w-md space-y-4 rounded-lg border border-stone-200 bg-white p-6">
      <h1 className="text-xl font-bold">{t("title")}</h1>
      <p className="text-stone-700">{t("placeholder")}</p>
      <Link href="/" className="inline-block text-red-800 underline">{t("back")}</Link>
    </div>
  );
}
