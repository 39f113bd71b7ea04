import type { MetadataRoute } from "next";
import { defaultLocale } from "@/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";

// Installs the app on a phone's home screen. A browser fetches the manifest without cookies, so
// it is in the default language whatever the person chose.
export default function manifest(): MetadataRoute.Manifest {
  const t = translatorFor(defaultLocale);
  return {
    name: t("app.name"),
    short_name: t("app.shortName"),
    description: t("app.tagline"),
    lang: defaultLocale,
    start_url: "/",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    // The header's red (Tailwind red-800) and the page's background (stone-50).
    theme_color: "#991b1b",
    background_color: "#fafaf9",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
