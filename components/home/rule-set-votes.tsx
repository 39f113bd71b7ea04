import { getFormatter, getTranslations } from "next-intl/server";
import { dayToDate } from "@/lib/domain/entry-date";
import type { RuleSetVoteToCast } from "@/lib/server/home/count-village-tasks";
import { TaskList } from "./task-list";

/** A representative's open rule-set votes not cast yet; says so plainly when there is none. */
export async function RuleSetVotes({ votes }: { votes: RuleSetVoteToCast[] }) {
  const [t, format] = await Promise.all([getTranslations("home.ruleSetVotes"), getFormatter()]);
  return (
    <section className="space-y-3" aria-labelledby="home-rule-set-votes-title" data-testid="home-rule-set-votes">
      <h2 id="home-rule-set-votes-title" className="text-lg font-bold">{t("title")}</h2>
      {votes.length === 0 ? <p className="rounded-md bg-stone-100 p-4 text-stone-700">{t("none")}</p> : (
        <TaskList label={t("title")} tasks={votes.map((vote) => ({
          key: `rule-set-vote-${vote.version}`, waiting: true, href: `/rule-sets/${vote.ruleSetId}`,
          title: t("vote", { version: vote.version, title: vote.title }),
          detail: t("meeting", { date: format.dateTime(dayToDate(vote.meetingDate), { dateStyle: "long", timeZone: "UTC" }) }),
        }))} />
      )}
    </section>
  );
}
