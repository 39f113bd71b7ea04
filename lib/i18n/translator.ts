import { createTranslator } from "use-intl/core";
import en from "@/messages/en.json";
import zhCN from "@/messages/zh-CN.json";
import { defaultLocale, isLocale, type Locale } from "@/i18n/locales";

// Translation outside a page render (API errors, emails to come): the same catalogue.
const catalogues = { "zh-CN": zhCN, en } as const;

export function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: catalogues[locale] });
}

/** The locale of an API request: the site cookie, else Accept-Language, else Chinese. */
export function localeOfRequest(headers: Headers): Locale {
  const cookie = headers.get("cookie")?.match(/(?:^|;\s*)NEXT_LOCALE=([^;]+)/)?.[1];
  if (isLocale(cookie)) return cookie;
  const accepted = headers.get("accept-language")?.toLowerCase() ?? "";
  if (accepted.startsWith("en")) return "en";
  return defaultLocale;
}
