"use client";

import { useTranslations } from "next-intl";

export function PrintButton() {
  const t = useTranslations("accessCodes");
  return (
    <button type="button" onClick={() => window.print()} data-testid="print-card"
      className="min-h-11 w-full rounded-md bg-red-800 px-5 font-semibold text-white sm:w-auto print:hidden">
      {t("print")}
    </button>
  );
}
