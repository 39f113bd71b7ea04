import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SignOutButton } from "@/components/auth/sign-out-button";
import type { Actor } from "@/lib/server/authz";
import { LanguageSwitcher } from "./language-switcher";

export async function AppHeader({ actor }: { actor: Actor | null }) {
  const t = await getTranslations();
  return (
    <header className="bg-red-800 text-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-2 px-4 py-2">
        <Link href="/" className="text-lg font-semibold tracking-wide">
          {t("app.name")}
        </Link>
        <LanguageSwitcher />
      </div>
      {actor && (
        <div className="mx-auto flex max-w-5xl items-center justify-between gap-2 px-4 pb-1 text-sm text-red-50">
          <span data-testid="signed-in-as">
            {actor.displayName} · {t(`roles.${actor.role}`)}
          </span>
          <SignOutButton />
        </div>
      )}
    </header>
  );
}
