import { getTranslations } from "next-intl/server";
import type { TownshipTasks as Tasks } from "@/lib/server/home/count-township-tasks";
import { TaskList, type Task } from "./task-list";

/** 待办 on the township overview: what waits for the township's officials, each with its page. */
export async function TownshipTasks({ tasks }: { tasks: Tasks }) {
  const t = await getTranslations("home.township");
  const list: Task[] = [];
  if (tasks.extractsRequested !== null) {
    const count = tasks.extractsRequested;
    list.push({ key: "extracts", count, waiting: count > 0, title: t("extracts.title"), detail: t(count > 0 ? "extracts.some" : "extracts.none"), href: "/extracts" });
  }
  for (const { year, count } of tasks.nominationsToDecide ?? []) {
    list.push({ key: `nominations-${year}`, count, waiting: true, title: t("nominations.title", { year }), detail: t("nominations.detail"), href: `/selection?year=${year}` });
  }
  if (tasks.openAppeals !== null) {
    const { total, oldestDays } = tasks.openAppeals;
    list.push({
      key: "appeals", count: total, waiting: false, title: t("appeals.title"),
      detail: total > 0 ? t("appeals.some", { days: oldestDays ?? 0 }) : t("appeals.none"), href: "/appeals",
    });
  }
  if (list.length === 0) return null;
  return (
    <section className="space-y-2" aria-labelledby="township-tasks-title" data-testid="township-tasks">
      <h2 id="township-tasks-title" className="text-lg font-bold">{t("title")}</h2>
      <TaskList tasks={list} label={t("title")} />
    </section>
  );
}
