"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { revokeTokenAction } from "@/app/account/tokens/actions";
import { buttonClass } from "@/components/ui/button";
import type { TokenActionState } from "@/lib/action-state";

const initial: TokenActionState = { ok: false };

// The confirmation is a <details>: one tap opens it, a second tap on the red button revokes.
export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  const t = useTranslations("tokens");
  const [state, formAction, pending] = useActionState(revokeTokenAction.bind(null, id), initial);
  return (
    <details className="group">
      <summary className="flex min-h-11 cursor-pointer list-none items-center [&::-webkit-details-marker]:hidden justify-center rounded-md border border-red-800 px-4 text-red-800 group-open:bg-red-50">
        {t("revoke")}
      </summary>
      <form action={formAction} className="mt-2 space-y-2 rounded-md bg-red-50 p-3">
        <p className="text-sm text-stone-800">{t("revokeConfirm", { name })}</p>
        {state.message ? <p role="alert" className="text-sm text-red-700">{state.message}</p> : null}
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
