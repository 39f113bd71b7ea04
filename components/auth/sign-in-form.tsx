"use client";

import { signIn } from "next-auth/react";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter, useSearchParams } from "next/navigation";
import { useState, useTransition } from "react";
import { buttonClass } from "@/components/ui/button";
import { largeInputClass } from "@/components/ui/field";

type Refusal = { reason: "INVALID" | "LOCKED" | "ACCOUNT_LIMITED" | "IP_LIMITED" | "INACTIVE"; retryAt?: string };

function parseRefusal(error: string): Refusal {
  try {
    return JSON.parse(error) as Refusal;
  } catch {
    return { reason: "INVALID" };
  }
}

export function SignInForm() {
  const t = useTranslations("signIn");
  const format = useFormatter();
  const router = useRouter();
  const params = useSearchParams();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function describe({ reason, retryAt }: Refusal): string {
    const time = retryAt ? format.dateTime(new Date(retryAt), { hour: "2-digit", minute: "2-digit" }) : "";
    return t(`refusal.${reason}`, { time });
  }

  // onSubmit rather than a form action: an action would clear the whole form after each try,
  // and a person who mistyped the password should not have to type the name again.
  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    startTransition(async () => {
      setMessage(null);
      const result = await signIn("credentials", {
        redirect: false,
        username: String(form.get("username") ?? ""),
        password: String(form.get("password") ?? ""),
      });
      if (!result || result.error) {
        setMessage(describe(parseRefusal(result?.error ?? "")));
        const password = formElement.elements.namedItem("password");
        if (password instanceof HTMLInputElement) password.value = "";
        return;
      }
      const target = params.get("callbackUrl");
      router.replace(target?.startsWith("/") && !target.startsWith("//") ? target : "/");
      router.refresh();
    });
  }

  return (
    <form onSubmit={submit} className="space-y-4">
      <label className="block">
        <span className="mb-1 block font-medium">{t("username")}</span>
        <input name="username" required autoComplete="username" autoCapitalize="none"
          className={largeInputClass} />
        <span className="mt-1 block text-sm text-stone-500">{t("usernameHint")}</span>
      </label>
      <label className="block">
        <span className="mb-1 block font-medium">{t("password")}</span>
        <input name="password" type="password" required autoComplete="current-password"
          className={largeInputClass} />
        <span className="mt-1 block text-sm text-stone-500">{t("passwordHint")}</span>
      </label>
      {message && (
        <p className="rounded-md border border-red-200 bg-red-50 p-3 text-red-800" data-testid="sign-in-error" role="status">
          {message}
        </p>
      )}
      <button type="submit" disabled={pending}
        className={buttonClass({ size: "lg", width: "always" })}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
