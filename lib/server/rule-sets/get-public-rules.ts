import "server-only";
import { chinaToday, dateToDay, dayToDate } from "@/lib/domain/entry-date";
import type { PublicRules } from "@/lib/schemas/rule-sets";
import { db } from "@/lib/server/db";
import { unsafeFindRuleSetInForce } from "@/lib/server/entries/list-rules-in-force";
import { AppError } from "@/lib/server/errors";
import { sortRules, toTally } from "./rule-set-views";

/**
 * The rules in force in a village today, and when and how the assembly adopted them: a village's
 * rules are posted for everyone (they bind every household), so this read needs no sign-in. It
 * shows the vote's counts, never who voted how.
 */
export async function getPublicRules(villageId: string, now: Date = new Date()): Promise<PublicRules> {
  const village = await db.village.findFirst({
    where: { id: villageId, active: true },
    select: { id: true, name: true, township: { select: { name: true, county: true } } },
  });
  if (!village) throw new AppError("NOT_FOUND", "errors.notFound");
  const today = chinaToday(now);
  const [inForce, upcoming] = await Promise.all([
    unsafeFindRuleSetInForce(villageId, dayToDate(today)),
    db.ruleSet.findFirst({
      where: { villageId, status: "ADOPTED", effectiveFrom: { gt: dayToDate(today) } },
      orderBy: { effectiveFrom: "asc" }, select: { version: true, effectiveFrom: true },
    }),
  ]);
  const place = { id: village.id, name: village.name, township: village.township.name, county: village.township.county };
  const upcomingView = upcoming?.effectiveFrom ? { version: upcoming.version, effectiveFrom: dateToDay(upcoming.effectiveFrom) } : null;
  if (!inForce?.effectiveFrom) return { village: place, date: today, ruleSet: null, rules: [], upcoming: upcomingView };

  const row = await db.ruleSet.findUniqueOrThrow({
    where: { id: inForce.id },
    select: {
      consultation: true,
      rules: { select: { code: true, category: true, title: true, description: true, marks: true, evidenceHint: true } },
      votes: {
        where: { passed: true }, orderBy: { createdAt: "desc" }, take: 1,
        select: { meetingDate: true, representativesTotal: true, closedAt: true, passed: true, attendees: true, approve: true, reject: true, abstain: true },
      },
    },
  });
  const vote = row.votes[0];
  const tally = toTally(vote);
  return {
    village: place, date: today,
    ruleSet: {
      version: inForce.version, title: inForce.title, effectiveFrom: dateToDay(inForce.effectiveFrom), consultation: row.consultation,
      adoption: vote && tally ? { ...tally, meetingDate: dateToDay(vote.meetingDate), representativesTotal: vote.representativesTotal } : null,
    },
    rules: sortRules(row.rules),
    upcoming: upcomingView,
  };
}
