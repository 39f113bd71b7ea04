import { getTranslations } from "next-intl/server";
import { HouseholdArchiveSection } from "@/components/archive/household-archive";
import { ArchiveNo } from "@/components/ui/archive-no";
import type { HouseholdHomeData } from "@/lib/server/home/load-household-home";
import { HouseholdTasks } from "./household-tasks";

/** A household's home: its card, what waits on it and what it may do, then its archive and members. */
export async function HouseholdHome({ home }: { home: HouseholdHomeData }) {
  const t = await getTranslations();
  const { household, archive, tasks } = home;
  return (
    <div className="space-y-5" data-testid="household-home">
      <div>
        <p className="text-sm text-stone-600">{t("home.householdGreeting")}</p>
        <h1 className="text-xl font-bold sm:text-2xl">{t("home.householdTitle", { head: household.headName })}</h1>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 rounded-lg border border-stone-200 bg-white p-4">
        <dt className="text-stone-600">{t("home.archiveNo")}</dt>
        <dd className="font-mono" data-testid="archive-no"><ArchiveNo>{household.archiveNo}</ArchiveNo></dd>
        <dt className="text-stone-600">{t("home.village")}</dt>
        <dd>{household.township.name}{household.village.name}</dd>
        <dt className="text-stone-600">{t("home.address")}</dt>
        <dd>{household.address}</dd>
      </dl>
      <HouseholdTasks tasks={tasks} />
      <HouseholdArchiveSection section={archive} />
      <section className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 className="mb-2 font-semibold">{t("home.members")}</h2>
        <ul className="divide-y divide-stone-100">
          {household.members.filter((m) => m.active).map((m) => (
            <li key={m.id} className="flex justify-between py-2">
              <span>{m.name}</span>
              <span className="text-sm text-stone-600">{t(`relations.${m.relation}`)} · {t("home.born", { year: m.birthYear })}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
