import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <div className="mx-auto max-w-md space-y-3 rounded-lg border border-stone-200 bg-white p-6">
      <h1 className="text-xl font-bold">{t("notFoundTitle")}</h1>
      <p className="text-stone-700">{t("notFoundBody")}</p>
    </div>
  );
}
