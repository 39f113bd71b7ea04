import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { withNotice } from "@/components/ui/with-notice";
import { cardClass } from "@/components/ui/card";
import type { SettingsHistoryItem } from "@/lib/schemas/township-settings";
import { requireActor } from "@/lib/server/auth/current-actor";
import { can } from "@/lib/server/authz";
import { getTownshipSettings } from "@/lib/server/township-settings/get-settings";
import { SettingsForm } from "./settings-form";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata() {
  const t = await getTranslations("settings");
  return { title: t("title") };
}

/** 镇设置: the settings in force, a form for a new version, the scheduled and past versions with reasons. */
export default withNotice(async function TownshipSettingsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor("settings.read");
  const code = (await searchParams).township;
  const view = await getTownshipSettings(actor, { township: typeof code === "string" ? code : undefined });
  const scheduled = view.items.filter((v) => v.status === "SCHEDULED").reverse();
  const history = view.items.filter((v) => v.status !== "SCHEDULED");
  const t = await getTranslations("settings");
  const { current } = view;
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <div>
        <h1 className="text-xl font-bold sm:text-2xl">{t("title")} · {view.township.name}</h1>
        <p className="mt-1 text-sm text-stone-600">{t("intro")}</p>
      </div>
      <section className={cardClass} aria-labelledby="settings-current" data-testid="settings-current">
        <h2 id="settings-current" className="text-lg font-semibold">{t("current")}</h2>
        {current ? <VersionDetails version={current} /> : <p className="text-stone-600">{t("noCurrent")}</p>}
        <Link href={actor.role === "ADMIN" ? `/township/rankings?${new URLSearchParams({ township: view.township.code })}` : "/township/rankings"} className="mt-2 inline-flex min-h-11 items-center text-red-800 underline underline-offset-2">{t("rankingsLink")}</Link>
      </section>
      {can(actor, "settings.manage") && current ? (
        <section className={cardClass} aria-labelledby="settings-new">
          <h2 id="settings-new" className="mb-2 text-lg font-semibold">{t("form.title")}</h2>
          <SettingsForm today={view.today} defaults={{ ...current, effectiveFrom: view.today }} />
        </section>
      ) : null}
      <section className="space-y-2" aria-labelledby="settings-scheduled" data-testid="settings-scheduled">
        <h2 id="settings-scheduled" className="text-lg font-semibold">{t("scheduled.title")}</h2>
        {scheduled.length ? scheduled.map((v) => <VersionCard key={v.id} version={v} />) : <p className="text-stone-600">{t("scheduled.none")}</p>}
      </section>
      <section className="space-y-2" aria-labelledby="settings-history" data-testid="settings-history">
        <h2 id="settings-history" className="text-lg font-semibold">{t("history.title")}</h2>
        {history.length ? history.map((v) => <VersionCard key={v.id} version={v} inForce={v.status === "IN_FORCE"} />) : <p className="text-stone-600">{t("history.none")}</p>}
      </section>
    </div>
  );
});

async function VersionDetails({ version }: { version: SettingsHistoryItem }) {
  const t = await getTranslations("settings");
  const rows: [string, string][] = [
    [t("field.weightRed"), `+${version.weightRed}`],
    [t("field.weightYellow"), `−${version.weightYellow}`],
    [t("field.weightBlack"), `−${version.weightBlack}`],
    [t("field.civilizedMinReds"), String(version.civilizedMinReds)],
    [t("field.noticePeriodDays"), t("days", { count: version.noticePeriodDays })],
    [t("field.noticeHidesNegativeDetail"), t(version.noticeHidesNegativeDetail ? "yes" : "no")],
    [t("field.honourBoardEnabled"), t(version.honourBoardEnabled ? "yes" : "no")],
    [t("field.extractValidityDays"), t("days", { count: version.extractValidityDays })],
  ];
  return (
    <div className="space-y-2">
      <p className="text-sm text-stone-600">{t("since", { date: version.effectiveFrom })}</p>
      <p className="rounded-md bg-stone-100 p-2 font-medium" data-testid="settings-formula">
        {t("formula", { red: version.weightRed, yellow: version.weightYellow, black: version.weightBlack })}
      </p>
      <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm sm:text-base">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-stone-700">{label}</dt>
            <dd className="text-right font-semibold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

async function VersionCard({ version, inForce = false }: { version: SettingsHistoryItem; inForce?: boolean }) {
  const [t, format] = await Promise.all([getTranslations("settings"), getFormatter()]);
  return (
    <article className={`${cardClass} space-y-1`} data-testid="settings-version" data-effective-from={version.effectiveFrom}>
      <h3 className="font-semibold">
        {t("since", { date: version.effectiveFrom })}
        {inForce ? <span className="ml-2 rounded bg-green-100 px-2 py-0.5 text-sm text-green-900">{t("history.inForce")}</span> : null}
      </h3>
      <p className="text-sm">{t("formula", { red: version.weightRed, yellow: version.weightYellow, black: version.weightBlack })}</p>
      <p className="text-sm text-stone-700">
        {t("field.civilizedMinReds")} {version.civilizedMinReds} · {t("field.noticePeriodDays")} {t("days", { count: version.noticePeriodDays })} · {t("field.extractValidityDays")} {t("days", { count: version.extractValidityDays })}
      </p>
      <p className="text-sm text-stone-700">{version.reason ? t("history.reason", { reason: version.reason }) : t("history.noReason")}</p>
      <p className="text-xs text-stone-600">
        {version.createdBy
          ? t("history.by", { name: version.createdBy.displayName, at: format.dateTime(new Date(version.createdAt), { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" }) })
          : t("history.bySystem")}
      </p>
    </article>
  );
}
