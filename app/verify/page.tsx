import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { VerifyForm } from "@/components/extracts/verify-form";
import { normalizeCode } from "@/lib/domain/extract-content";
import { MAX_CODE_INPUT } from "@/lib/schemas/extracts";

export async function generateMetadata() {
  const t = await getTranslations("verify");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Public: type the code printed on an extract to check it (no sign-in). */
export default async function VerifyPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = (await searchParams).code;
  const typed = typeof raw === "string" ? raw.slice(0, MAX_CODE_INPUT) : "";
  // Any typed text goes to the result page, which answers the same for a malformed code as for
  // an unknown one.
  if (typed.trim()) redirect(`/verify/${encodeURIComponent(normalizeCode(typed) ?? typed.trim())}`);
  const t = await getTranslations("verify");
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-xl font-bold sm:text-2xl">{t("title")}</h1>
      <p className="text-stone-700">{t("intro")}</p>
      <VerifyForm />
      <p className="text-sm text-stone-600">
        {t("offlineHint")} <Link href="/api/v1/public/extract-key?download" className="text-red-800 underline" prefetch={false}>{t("keyDownload")}</Link>
      </p>
    </div>
  );
}
