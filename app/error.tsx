"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <div className="mx-auto max-w-md space-y-3 rounded-lg border border-stone-200 bg-white p-6">
      <h1 className="text-xl font-bold">{t("title")}</h1>
      <p className="text-stone-700">{t("body")}</p>
      <button type="button" onClick={reset} className={buttonClass()}>
        {t("retry")}
      </button>
    </div>
  );
}
