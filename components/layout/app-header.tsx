import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "./language-switcher";

export async function AppHeader() {
  const t = await getTranslations("app");
  return (
    <header className="bg-red-800 text-white">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-2 px-4 py-2">
        <Link href="/" className="text-lg font-semibold tracking-wide">
          {t("name")}
        </Link>
        <LanguageSwitcher />
      </div>
    </header>
  );
}
