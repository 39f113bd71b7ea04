"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

export function SignOutButton() {
  const t = useTranslations("nav");
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: "/sign-in" })}
      className="min-h-10 rounded-md px-3 text-sm hover:bg-white/10" data-testid="sign-out">
      {t("signOut")}
    </button>
  );
}
