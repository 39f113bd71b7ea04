"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { verifyChainsAction } from "@/app/admin/chains/actions";
import { buttonClass } from "@/components/ui/button";
import type { VerifyChainsState } from "@/lib/action-state";
import { ChainVerificationResult } from "./chain-verification-result";

const initial: VerifyChainsState = {};

export function VerifyChainsForm() {
  const t = useTranslations("chains");
  const [state, formAction, pending] = useActionState(verifyChainsAction, initial);
  return (
    <div className="space-y-4">
      <form action={formAction} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
        <p className="mb-3 text-sm text-stone-600">{t("readOnly")}</p>
        <button
          type="submit"
          disabled={pending}
          data-testid="verify-chains"
          className={buttonClass({ width: "phone" })}
        >
          {pending ? t("running") : state.result ? t("runAgain") : t("run")}
        </button>
      </form>
      <div aria-live="polite">
        {state.ok === false && state.message ? <p role="alert" className="text-red-700">{state.message}</p> : null}
        {state.result && !pending ? <ChainVerificationResult result={state.result} /> : null}
      </div>
    </div>
  );
}
