import { getTranslations } from "next-intl/server";
import type { HouseholdTasks as Tasks } from "@/lib/server/home/household-tasks";
import { TaskList, type Task } from "./task-list";

// Anchors on the archive below the tasks: components/archive (entry cards, timeline) and
// components/extracts/household-extracts.tsx.
const entryAnchor = (entryId: string | null) => (entryId ? `#entry-${entryId}` : "#timeline-title");
const EXTRACTS = "#extracts-title";

/**
 * A household's own to-do: what waits for its answer, what it has filed and is being handled,
 * and what it may do about its archive — each a link to the place on the page where it is done.
 */
export async function HouseholdTasks({ tasks }: { tasks: Tasks }) {
  const t = await getTranslations("home.household");
  const forYou: Task[] = [];
  if (tasks.extractsAwaitingConsent > 0) {
    forYou.push({ key: "extract-consent", count: tasks.extractsAwaitingConsent, waiting: true, title: t("consent.title"), detail: t("consent.detail"), href: EXTRACTS });
  }
  const inProgress: Task[] = [];
  if (tasks.openAppeals.count > 0) {
    inProgress.push({ key: "appeals", count: tasks.openAppeals.count, waiting: false, title: t("appeals.title"), detail: t("appeals.detail"), href: entryAnchor(tasks.openAppeals.firstEntryId) });
  }
  if (tasks.openRectifications.count > 0) {
    inProgress.push({
      key: "rectifications", count: tasks.openRectifications.count, waiting: false, title: t("rectifications.title"),
      detail: t("rectifications.detail"), href: entryAnchor(tasks.openRectifications.firstEntryId),
    });
  }
  if (tasks.extractsRequested > 0) {
    inProgress.push({ key: "extracts-requested", count: tasks.extractsRequested, waiting: false, title: t("extractsRequested.title"), detail: t("extractsRequested.detail"), href: EXTRACTS });
  }
  const youMay: Task[] = [];
  if (tasks.may.rectify) {
    const { count, firstEntryId } = tasks.rectifiableYellows;
    youMay.push(count > 0
      ? { key: "rectify", count, waiting: true, title: t("rectify.title"), detail: t("rectify.some"), href: entryAnchor(firstEntryId) }
      : { key: "rectify", waiting: false, title: t("rectify.title"), detail: t("rectify.none") });
  }
  if (tasks.may.appeal) youMay.push({ key: "appeal", waiting: false, title: t("appeal.title"), detail: t("appeal.detail"), href: "#timeline-title" });
  if (tasks.may.requestExtract) youMay.push({ key: "request-extract", waiting: false, title: t("requestExtract.title"), detail: t("requestExtract.detail"), href: EXTRACTS });

  const nothing = forYou.length === 0 && inProgress.length === 0;
  return (
    <section className="space-y-4" aria-labelledby="household-tasks-title" data-testid="household-tasks">
      <h2 id="household-tasks-title" className="text-lg font-bold">{t("title")}</h2>
      {nothing ? <p className="rounded-md bg-green-50 p-3 text-green-900" data-testid="household-nothing-waiting">{t("nothing")}</p> : null}
      {forYou.length ? <TaskGroup heading={t("forYou")} tasks={forYou} /> : null}
      {inProgress.length ? <TaskGroup heading={t("inProgress")} tasks={inProgress} /> : null}
      {youMay.length ? <TaskGroup heading={t("youMay")} tasks={youMay} /> : null}
    </section>
  );
}

function TaskGroup({ heading, tasks }: { heading: string; tasks: Task[] }) {
  return (
    <div className="space-y-2">
      <h3 className="font-semibold text-stone-800">{heading}</h3>
      <TaskList tasks={tasks} label={heading} />
    </div>
  );
}
