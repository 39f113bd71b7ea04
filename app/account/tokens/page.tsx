import { getTranslations } from "next-intl/server";
import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { TokenList } from "@/components/tokens/token-list";
import { withNotice } from "@/components/ui/with-notice";
import { requireActor } from "@/lib/server/auth/current-actor";
import { listMyTokens } from "@/lib/server/tokens/list-my-tokens";

export async function generateMetadata() {
  const t = await getTranslations("tokens");
  return { title: t("title") };
}

export default withNotice(async function TokensPage() {
  const actor = await requireActor("tokens.manageOwn");
  const [{ items: tokens }, t] = await Promise.all([listMyTokens(actor), getTranslations("tokens")]);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <h1 className="text-xl font-bold sm:text-2xl">{t("title")}</h1>
        <p className="mt-1 text-sm leading-relaxed text-stone-600">{t("intro")}</p>
      </div>
      <section aria-labelledby="create-token-heading" className="space-y-3">
        <h2 id="create-token-heading" className="text-lg font-semibold">{t("createTitle")}</h2>
        <CreateTokenForm />
      </section>
      <section aria-labelledby="token-list-heading" className="space-y-3">
        <h2 id="token-list-heading" className="text-lg font-semibold">{t("listTitle")}</h2>
        <TokenList tokens={tokens} />
      </section>
    </div>
  );
});
