import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { dayToDate } from "@/lib/domain/entry-date";
import { formatQuarter } from "@/lib/domain/quarter";
import type { VillageTasks } from "@/lib/server/home/count-village-tasks";
import { TaskList, type Task } from "./task-list";

/** A council member's work list: record, then what waits in the village, each with its page. */
export async function ClerkTasks({ tasks, canRecord }: { tasks: VillageTasks; canRecord: boolean }) {
  const [t, format] = await Promise.all([getTranslations("home.clerk"), getFormatter()]);
  const { quarter } = tasks;
  const list: Task[] = [];
  if (tasks.pendingThisQuarter !== null) {
    const count = tasks.pendingThisQuarter;
    list.push({
      key: "pending", count, waiting: count > 0, title: t("pending.title", quarter),
      detail: count > 0 ? t("pending.some") : t("pending.none"),
      href: `/entries?${new URLSearchParams({ quarter: formatQuarter(quarter), status: "PENDING" })}`,
    });
  }
  if (tasks.rectificationsRequested !== null) {
    const count = tasks.rectificationsRequested;
    list.push({ key: "rectifications", count, waiting: count > 0, title: t("rectifications.title"), detail: t(count > 0 ? "rectifications.some" : "rectifications.none"), href: "/rectifications" });
  }
  if (tasks.openAppeals !== null) {
    const { total, oldestDays } = tasks.openAppeals;
    list.push({
      key: "appeals", count: total, waiting: total > 0, title: t("appeals.title"),
      detail: total > 0 ? t("appeals.some", { days: oldestDays ?? 0 }) : t("appeals.none"), href: "/appeals",
    });
  }
  if (tasks.extractsAwaitingConsent) {
    // Nothing for the council to do but to tell the household: no page, no link.
    list.push({ key: "extracts", count: tasks.extractsAwaitingConsent, waiting: false, title: t("extracts.title"), detail: t("extracts.detail") });
  }
  const ruleSet = tasks.openRuleSet;
  list.push(ruleSet ? {
    key: "rule-set", waiting: true, href: `/rule-sets/${ruleSet.id}`,
    title: t(`ruleSet.${ruleSet.status}`, { version: ruleSet.version }),
    detail: ruleSet.vote
      ? t("ruleSet.vote", { ...ruleSet.vote, meetingDate: format.dateTime(dayToDate(ruleSet.vote.meetingDate), { dateStyle: "long", timeZone: "UTC" }) })
      : t("ruleSet.draft"),
  } : { key: "rule-set", waiting: false, href: "/rule-sets", title: t("ruleSet.title"), detail: t("ruleSet.none") });

  return (
    <section className="space-y-3" aria-labelledby="clerk-tasks-title" data-testid="clerk-tasks">
      <h2 id="clerk-tasks-title" className="text-lg font-bold">{t("title")}</h2>
      {canRecord ? (
        <Link href="/entries/new" data-testid="task-record" className={buttonClass({ size: "xl", width: "always" })}>
          {t("record")}
        </Link>
      ) : null}
      <TaskList tasks={list} label={t("title")} />
    </section>
  );
}
