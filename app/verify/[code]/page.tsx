import Link from "next/link";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { ExtractBody } from "@/components/extracts/extract-document";
import { VerifyForm } from "@/components/extracts/verify-form";
import { MAX_CODE_INPUT, MAX_SIGNATURE_INPUT, type PublicExtractVerification } from "@/lib/schemas/extracts";
import { isAppError } from "@/lib/server/errors";
import { verifyExtractCode } from "@/lib/server/extracts/verify-extract-code";
import { requestContextFrom } from "@/lib/server/request-context";

export async function generateMetadata() {
  const t = await getTranslations("verify");
  return { title: t("title") };
}

type Params = Promise<{ code: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * Public: the check of one code, as the QR code on an extract opens it. It says whether the
 * extract is authentic, unexpired and unrevoked, and shows what is printed on it — nothing
 * else. Any code that was not issued gets the same "未找到".
 */
export default async function VerifyCodePage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const t = await getTranslations("verify");
  const code = decoded((await params).code).slice(0, MAX_CODE_INPUT);
  const s = (await searchParams).s;
  let result: PublicExtractVerification | null = null;
  let refusal: { kind: "notFound" } | { kind: "limited"; minutes: number } | null = null;
  try {
    result = await verifyExtractCode(code, typeof s === "string" ? s.slice(0, MAX_SIGNATURE_INPUT) : undefined, requestContextFrom(await headers()));
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === "RATE_LIMITED") refusal = { kind: "limited", minutes: Number(error.values?.minutes ?? 10) };
    else if (error.code === "NOT_FOUND" || error.code === "INVALID_INPUT") refusal = { kind: "notFound" };
    else throw error;
  }
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-xl font-bold sm:text-2xl">{t("title")}</h1>
      {refusal?.kind === "limited" ? (
        <p role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-900" data-testid="verify-limited">{t("limited", { minutes: refusal.minutes })}</p>
      ) : null}
      {refusal?.kind === "notFound" ? (
        <div role="alert" className="space-y-1 rounded-lg border border-stone-300 bg-white p-4" data-testid="verify-result" data-verdict="NOT_FOUND">
          <p className="text-lg font-bold">{t("notFound")}</p>
          <p className="text-stone-700">{t("notFoundHint")}</p>
        </div>
      ) : null}
      {result ? <Verdict result={result} /> : null}
      {result?.content ? (
        <section className="space-y-2 rounded-lg border border-stone-200 bg-white p-4" aria-labelledby="printed-title">
          <h2 id="printed-title" className="text-lg font-bold">{t("printedTitle")}</h2>
          <p className="text-sm text-stone-600">{t("printedHint")}</p>
          <ExtractBody content={result.content} />
        </section>
      ) : null}
      <VerifyForm />
      <p className="text-sm text-stone-600">
        {t("offlineHint")} <Link href="/api/v1/public/extract-key?download" className="text-red-800 underline" prefetch={false} data-testid="verify-key-download">{t("keyDownload")}</Link>
      </p>
    </div>
  );
}

async function Verdict({ result }: { result: PublicExtractVerification }) {
  const t = await getTranslations("verify");
  const verdict = !result.authentic ? "NOT_AUTHENTIC" : result.valid ? "VALID" : !result.unrevoked ? "REVOKED" : "EXPIRED";
  const box = verdict === "VALID" ? "border-green-600 bg-green-50 text-green-900" : "border-red-700 bg-red-50 text-red-900";
  const check = (ok: boolean, yes: string, no: string, testId: string) => (
    <li className="flex items-center gap-2" data-testid={testId} data-ok={ok}>
      <span aria-hidden className={`inline-flex size-6 items-center justify-center rounded-full text-white ${ok ? "bg-green-700" : "bg-red-700"}`}>{ok ? "✓" : "✗"}</span>
      <span>{ok ? yes : no}</span>
    </li>
  );
  return (
    <div role="status" className={`space-y-2 rounded-lg border-2 p-4 ${box}`} data-testid="verify-result" data-verdict={verdict}>
      <p className="text-xl font-bold">{t(`verdict.${verdict}`)}</p>
      <p className="font-mono">{result.code}</p>
      <ul className="space-y-1">
        {check(result.authentic, t("authentic"), t("notAuthentic"), "verify-authentic")}
        {result.authentic ? check(result.unexpired, t("unexpired", { until: result.content?.validUntil ?? "" }), t("expired", { until: result.content?.validUntil ?? "" }), "verify-unexpired") : null}
        {check(result.unrevoked, t("unrevoked"), t("revoked", { day: result.revokedOn ?? "" }), "verify-unrevoked")}
      </ul>
    </div>
  );
}

/** The code from the URL as typed; a broken escape is just a code that is not found. */
function decoded(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
