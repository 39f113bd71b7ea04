import "server-only";
import { chinaToday, dayToDate } from "@/lib/domain/entry-date";
import { writeAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import type { RequestContext } from "@/lib/server/request-context";
import { recordTownshipDigest, type RecordedDigest } from "./record-township-digest";

const CHINA_OFFSET_MS = 8 * 3_600_000;

/**
 * DESIGN.md: a township digest "is recorded append-only at least daily". For the periodic jobs:
 * records a DAILY digest for every township that has none yet today (a calendar day in China),
 * so running it every hour, or on several app servers at once, still takes one a day.
 */
export async function recordDailyDigests(context: RequestContext, now: Date = new Date()): Promise<RecordedDigest[]> {
  const since = new Date(dayToDate(chinaToday(now)).getTime() - CHINA_OFFSET_MS);
  const today = { reason: "DAILY" as const, takenAt: { gte: since } };
  const due = await db.township.findMany({ where: { digests: { none: today } }, select: { id: true } });
  const recorded: RecordedDigest[] = [];
  for (const { id } of due) {
    const digest = await db.$transaction(async (tx) => {
      // Two servers running the job at once: the second waits, then finds today's digest.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`township-digest:${id}`}))`;
      if (await tx.townshipDigest.count({ where: { townshipId: id, ...today } })) return null;
      const taken = await recordTownshipDigest(tx, id, "DAILY", now);
      await writeAudit(tx, context, {
        actorId: null, action: "township.digest", targetType: "TownshipDigest", targetId: taken.id, townshipId: id,
        after: { reason: "DAILY", printed: taken.printed, households: taken.households },
      });
      return taken;
    });
    if (digest) recorded.push(digest);
  }
  return recorded;
}
