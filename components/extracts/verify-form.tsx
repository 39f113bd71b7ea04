import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";

/** Typing a code from paper: a plain GET form, works without scripts. */
export async function VerifyForm({ value = "" }: { value?: string }) {
  const t = await getTranslations("verify");
  return (
    <form action="/verify" method="get" className="space-y-2 rounded-lg border border-stone-200 bg-white p-4" data-testid="verify-form">
      <label className="block">
        <span className="mb-1 block font-medium">{t("codeLabel")}</span>
        <input name="code" defaultValue={value} required maxLength={40} autoComplete="off" autoCapitalize="characters" spellCheck={false}
          placeholder="ABCD-EFGH-JKLM" className="w-full rounded-md border border-stone-400 bg-white px-3 py-2 font-mono text-xl tracking-wider" />
      </label>
      <p className="text-sm text-stone-600">{t("codeHint")}</p>
      <button type="submit" className={buttonClass({ size: "lg", width: "phone" })}>{t("submit")}</button>
    </form>
  );
}
