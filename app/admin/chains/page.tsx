import { getTranslations } from "next-intl/server";
import { VerifyChainsForm } from "@/components/chains/verify-chains-form";
import { withNotice } from "@/components/ui/with-notice";
import { requireActor } from "@/lib/server/auth/current-actor";

export async function generateMetadata() {
  const t = await getTranslations("chains");
  return { title: t("title") };
}

export default withNotice(async function VerifyChainsPage() {
  const actor = await requireActor("chains.verify");
  const t = await getTranslations("chains");
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <div>
        <h1 className="text-xl font-bold sm:text-2xl">{t("title")}</h1>
        <p className="mt-1 text-sm leading-relaxed text-stone-600">{t("intro")}</p>
        <p className="mt-1 text-sm text-stone-600">{actor.role === "ADMIN" ? t("scopeAll") : t("scopeTownship")}</p>
      </div>
      <VerifyChainsForm />
    </div>
  );
});
