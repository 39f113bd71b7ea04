"use server";

import { cookies } from "next/headers";
import { isLocale, localeCookie } from "@/i18n/locales";

// Works without JavaScript: the switcher is a plain form posting here.
export async function setLocale(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(localeCookie, locale, {
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "lax",
    httpOnly: false,
  });
}
