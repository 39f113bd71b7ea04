import "server-only";
import { chinaDayStart, chinaToday } from "@/lib/domain/entry-date";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import type { RequestContext } from "@/lib/server/request-context";
import { recordTownshipDigest, type RecordedDigest } from "./record-township-digest";

/** DAILY digests taken since the start of today (a calendar day in China). */
const dailyToday = (now: Date) => ({ reason: "DAILY" as const, takenAt: { gte: chinaDayStart(chinaToday(now)) } });

/**
 * DESIGN.md: a township digest "is recorded append-only at least daily". For the periodic jobs:
 * records a DAILY digest for every township that has none yet today (a calendar day in China),
 * so running it every hour, or on several app servers at once, still takes one a day.
 */
export async function recordDailyDigests(context: RequestContext, now: Date = new Date()): Promise<RecordedDigest[]> {
  const due = await db.township.findMany({ where: { digests: { none: dailyToday(now) } }, select: { id: true } });
  const recorded: RecordedDigest[] = [];
  for (const { id } of due) {
    const digest = await db.$transaction((tx) => recordDailyDigestUnlessTaken(tx, id, context, now));
    if (digest) recorded.push(digest);
  }
  return recorded;
}

/**
 * In the caller's transaction: records the township's DAILY digest, with its audit record, unless
 * one was taken today (China); null when one was. Serialized per township by an advisory lock, so
 * the daily job on several servers, or the job and an extract being issued, take one a day: the
 * second waits, then finds today's digest.
 */
export async function recordDailyDigestUnlessTaken(
  tx: Prisma.TransactionClient, townshipId: string, context: RequestContext, now: Date,
): Promise<RecordedDigest | null> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`township-digest:${townshipId}`}))`;
  if (await tx.townshipDigest.count({ where: { townshipId, ...dailyToday(now) } })) return null;
  const taken = await recordTownshipDigest(tx, townshipId, "DAILY", now);
  await writeAudit(tx, context, {
    actorId: null, action: "township.digest", targetType: "TownshipDigest", targetId: taken.id, townshipId,
    after: { reason: "DAILY", printed: taken.printed, households: taken.households },
  });
  return taken;
}
