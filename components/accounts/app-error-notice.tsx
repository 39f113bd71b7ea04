import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { isAppError, type AppError } from "@/lib/server/errors";

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

/** Renders a page, showing expected refusals from its loading as a notice. */
export async function renderOrNotice(render: () => Promise<ReactNode>): Promise<ReactNode> {
  try {
    return await render();
  } catch (error) {
    if (isAppError(error)) return <AppErrorNotice error={error} />;
    throw error;
  }
}

/**
 * A page whose expected refusals show as a notice, e.g. a household opening a staff page gets
 * "没有权限" rather than the crash page: `export default withNotice(async function Page() {…})`.
 */
export function withNotice<Props>(page: (props: Props) => Promise<ReactNode>): (props: Props) => Promise<ReactNode> {
  return (props) => renderOrNotice(() => page(props));
}
