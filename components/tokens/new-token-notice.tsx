"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";

type CopyState = "idle" | "copied" | "failed";

/** The new token, shown this once, with a copy button. */
export function NewTokenNotice({ token }: { token: string }) {
  const t = useTranslations("tokens");
  const [copy, setCopy] = useState<CopyState>("idle");
  const copyToken = async () => {
    try {
      await navigator.clipboard.writeText(token);
      setCopy("copied");
    } catch {
      setCopy("failed");
    }
  };
  return (
    <div role="status" className="space-y-3 rounded-lg border-2 border-amber-500 bg-amber-50 p-4" data-testid="new-token">
      <h3 className="font-semibold">{t("createdTitle")}</h3>
      <p className="text-sm font-medium text-amber-900">{t("createdWarning")}</p>
      <input
        readOnly
        value={token}
        aria-label={t("tokenLabel")}
        onFocus={(event) => event.currentTarget.select()}
        className="block min-h-11 w-full rounded-md border border-stone-300 bg-white px-3 font-mono text-sm"
      />
      <div className="flex items-center gap-3">
        <button
          type="button"
          onClick={copyToken}
          className={buttonClass({ tone: "dark" })}
        >
          {t("copy")}
        </button>
        <span aria-live="polite" className="text-sm text-stone-700">
          {copy === "copied" ? t("copied") : copy === "failed" ? t("copyFailed") : null}
        </span>
      </div>
    </div>
  );
}
