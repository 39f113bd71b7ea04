import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { AppError } from "@/lib/server/errors";

/** An expected refusal (403, 404, …) as a message on the page rather than a crash. */
export async function AppErrorNotice({ error }: { error: AppError }) {
  const t = await getTranslations();
  const title = t(error.code === "FORBIDDEN" ? "errors.forbiddenTitle" : error.code === "NOT_FOUND" ? "errors.recordNotFoundTitle" : "errors.title");
  const message = t.has(error.message) ? t(error.message, error.values) : t("errors.body");
  return (
    <div role="alert" className="mx-auto max-w-md space-y-3 rounded-lg border border-stone-200 bg-white p-6" data-testid="page-error">
      <h1 className="text-xl font-bold">{title}</h1>
      <p className="text-stone-700">{message}</p>
      <Link href="/" className="inline-flex min-h-11 items-center text-red-800 underline">{t("errors.backHome")}</Link>
    </div>
  );
}
