import { getTranslations } from "next-intl/server";
import { RectificationQueue } from "@/components/rectifications/rectification-queue";
import { withNotice } from "@/components/ui/with-notice";
import { requireActor } from "@/lib/server/auth/current-actor";
import { villageIdOf } from "@/lib/server/authz";
import { listRectifications } from "@/lib/server/rectifications/list-rectifications";

export async function generateMetadata() {
  const t = await getTranslations("rectifications");
  return { title: t("title") };
}

/** The council's queue of rectification requests of its village. */
export default withNotice(async function RectificationsPage() {
  const actor = await requireActor("rectifications.decide");
  const [{ items }, t] = await Promise.all([listRectifications(actor, villageIdOf(actor), {}), getTranslations("rectifications")]);
  const open = items.filter((item) => item.status === "REQUESTED").length;
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <div>
        <h1 className="text-xl font-bold sm:text-2xl">{t("title")}</h1>
        <p className="text-stone-600">{t("intro")}</p>
        <p className="mt-1 font-medium" data-testid="open-count">{t("openCount", { count: open })}</p>
      </div>
      <RectificationQueue items={items} homeHouseholdId={actor.homeHouseholdId} />
    </div>
  );
});
