"use client";

import { useTranslations } from "next-intl";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <div className="mx-auto max-w-md space-y-3 rounded-lg border border-stone-200 bg-white p-6">
      <h1 className="text-xl font-bold">{t("title")}</h1>
      <p className="text-stone-700">{t("body")}</p>
      <button type="button" onClick={reset} className="min-h-11 rounded-md bg-red-800 px-4 text-white">
        {t("retry")}
      </button>
    </div>
  );
}
