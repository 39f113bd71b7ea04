import { getLocale, getTranslations } from "next-intl/server";
import { setLocale } from "@/app/actions/locale";
import { locales } from "@/i18n/locales";

export async function LanguageSwitcher() {
  const [current, t] = await Promise.all([getLocale(), getTranslations()]);
  return (
    <form action={setLocale} aria-label={t("nav.language")} className="flex gap-1">
      {locales.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          aria-pressed={locale === current}
          data-testid={`locale-${locale}`}
          className="min-h-10 rounded-md px-3 text-sm aria-pressed:bg-white/20 aria-pressed:font-semibold hover:bg-white/10"
        >
          {t(`locale.${locale}`)}
        </button>
      ))}
    </form>
  );
}
