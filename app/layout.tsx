import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { AppHeader } from "@/components/layout/app-header";
import { MainNav } from "@/components/layout/main-nav";
import { getCurrentActor } from "@/lib/server/auth/current-actor";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  // Added to an iPhone's home screen it opens full screen under its short name (the web app
  // manifest, app/manifest.ts, does the same for Android).
  return { title: t("name"), description: t("tagline"), appleWebApp: { capable: true, title: t("shortName") } };
}

// "cover" lets the phone's bottom bar keep clear of the home indicator through the safe-area inset.
export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#991b1b", viewportFit: "cover" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, actor] = await Promise.all([getLocale(), getCurrentActor()]);
  // Someone who must first choose a password gets no navigation: there is nowhere else to go yet.
  const hasMenu = !actor?.mustChangePassword;
  // On a phone a signed-in person's menu is a bar fixed to the bottom: the page ends above it.
  const hasPhoneBar = hasMenu && !!actor;
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-stone-50 font-sans text-stone-900 antialiased">
        <NextIntlClientProvider>
          <AppHeader actor={actor} />
          {hasMenu && <MainNav role={actor ? actor.role : "ANONYMOUS"} />}
          <main className={`mx-auto max-w-5xl px-3 py-4 sm:px-4 sm:py-6 ${hasPhoneBar ? "pb-[calc(var(--spacing-phone-bar)+1.5rem)] sm:pb-6" : ""}`}>
            {children}
          </main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
