"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { revokeTokenAction } from "@/app/account/tokens/actions";
import { buttonClass } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import type { TokenActionState } from "@/lib/action-state";

const initial: TokenActionState = { ok: false };

// The confirmation is a <details>: one tap on the plain button opens it, a second on the red one revokes.
export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  const t = useTranslations("tokens");
  const [state, formAction, pending] = useActionState(revokeTokenAction.bind(null, id), initial);
  return (
    <details className="group">
      <summary className={`${buttonClass({ tone: "plain" })} cursor-pointer list-none group-open:bg-stone-100 [&::-webkit-details-marker]:hidden`}>
        {t("revoke")}
      </summary>
      <form action={formAction} className="mt-2 space-y-2 rounded-md bg-red-50 p-3">
        <p className="text-sm text-stone-800">{t("revokeConfirm", { name })}</p>
        <FormStatus state={state} />
        <button
          type="submit"
          disabled={pending}
          className={buttonClass({ width: "always" })}
        >
          {pending ? t("revoking") : t("revokeConfirmButton")}
        </button>
      </form>
    </details>
  );
}
