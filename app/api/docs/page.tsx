import { getTranslations } from "next-intl/server";
import { ApiReference } from "@/components/api-docs/api-reference";
import { requireActor } from "@/lib/server/auth/current-actor";

export async function generateMetadata() {
  const t = await getTranslations("apiDocs");
  return { title: t("title") };
}

/** The reference of /api/v1, rendered from its OpenAPI document, for anyone signed in. */
export default async function ApiDocsPage() {
  await requireActor();
  const t = await getTranslations("apiDocs");
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-bold sm:text-2xl">{t("title")}</h1>
        <p className="mt-1 text-sm text-stone-600">{t("intro")}</p>
        <p className="mt-1 text-sm">
          <a href="/api/v1/openapi.json" className="text-red-800 underline-offset-2 hover:underline">{t("document")}</a>
        </p>
      </div>
      <ApiReference />
    </div>
  );
}
