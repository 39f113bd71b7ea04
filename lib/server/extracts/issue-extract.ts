import "server-only";
import { chinaToday, dateToDay, dayToDate } from "@/lib/domain/entry-date";
import { addDays, EXTRACT_FORMAT, type ExtractContent } from "@/lib/domain/extract-content";
import { ALL_TIME } from "@/lib/domain/household-scores";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ExtractView } from "@/lib/schemas/extracts";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/authz";
import { latestTownshipDigest } from "@/lib/server/chain/latest-township-digest";
import { recordDailyDigestUnlessTaken } from "@/lib/server/chain/record-daily-digests";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { RequestContext } from "@/lib/server/request-context";
import { refreshScores } from "@/lib/server/scores/refresh-scores";
import { settingsInForce } from "@/lib/server/township-settings/settings-versions";
import { loadExtractTarget, lockExtract } from "./extract-target";
import { unsafeGetExtractView } from "./extract-views";
import { signExtractContent } from "./jws";
import { extractSigningKey } from "./signing-key";

type Tx = Prisma.TransactionClient;

/**
 * A township official issues a requested extract: in one transaction with its audit record, the
 * printed content is frozen from the archive as it stands (lib/domain/extract-content.ts),
 * signed with the township key, and stored with the settings it was computed with. The database
 * refuses any later rewrite of it (trigger "ArchiveExtract_no_rewrite"); only revocation follows.
 */
export async function issueExtract(actor: Actor, extractId: string, context: RequestContext, now: Date = new Date()): Promise<ExtractView> {
  const found = await loadExtractTarget(actor, "extracts.issue", extractId);
  const key = await extractSigningKey();
  await db.$transaction(async (tx) => {
    const status = await lockExtract(tx, extractId);
    if (status !== "REQUESTED") throw new AppError("CONFLICT", status === "AWAITING_CONSENT" ? "errors.extractAwaitingConsent" : "errors.extractNotRequested");
    const today = chinaToday(now);
    const settings = await settingsInForce(tx, found.townshipId, today);
    const content = await buildContent(tx, extractId, found.householdId, found.townshipId, today, settings.extractValidityDays, key.keyId, context, now);
    const jws = await signExtractContent(content, key.privateJwk);
    await tx.archiveExtract.update({
      where: { id: extractId },
      data: {
        status: "ISSUED", decidedById: actor.id, issuedAt: now, validUntil: dayToDate(content.validUntil),
        content: content as unknown as Prisma.InputJsonValue, jws, keyId: key.keyId, settingsId: settings.id,
      },
      select: { id: true },
    });
    await writeAudit(tx, context, {
      actorId: actor.id, action: "extract.issue", targetType: "ArchiveExtract", targetId: extractId,
      townshipId: found.townshipId, villageId: found.villageId,
      before: { status }, after: { status: "ISSUED", code: content.code, validUntil: content.validUntil, keyId: key.keyId, settingsId: settings.id, digest: content.digest },
    });
  });
  return unsafeGetExtractView(extractId);
}

async function buildContent(
  tx: Tx, extractId: string, householdId: string, townshipId: string, today: string, validityDays: number, keyId: string,
  context: RequestContext, now: Date,
): Promise<ExtractContent> {
  // The maintained rows are refreshed by every entry transition; refreshing this one household
  // here also brings its all-time row up to today across a year's turn.
  await refreshScores(tx, [householdId], now);
  const todayDate = dayToDate(today);
  // One after another: a transaction runs one statement at a time.
  const extract = await tx.archiveExtract.findUniqueOrThrow({ where: { id: extractId }, select: { code: true, purpose: true, purposeNote: true } });
  const household = await tx.household.findUniqueOrThrow({
    where: { id: householdId },
    select: { archiveNo: true, headName: true, registeredOn: true, village: { select: { name: true, township: { select: { name: true, county: true } } } } },
  });
  const reds = await tx.entry.findMany({
    where: { householdId, category: "RED", status: "CONFIRMED", occurredOn: { lte: todayDate } },
    orderBy: [{ occurredOn: "asc" }, { chainSeq: "asc" }],
    select: { occurredOn: true, marks: true, rule: { select: { code: true, title: true } } },
  });
  const activeYellows = await tx.entry.count({ where: { householdId, category: "YELLOW", status: "CONFIRMED", occurredOn: { lte: todayDate } } });
  const blacks = await tx.entry.count({ where: { householdId, category: "BLACK", status: "CONFIRMED", occurredOn: { lte: todayDate } } });
  const first = await tx.entry.aggregate({ where: { householdId }, _min: { occurredOn: true } });
  const scoreRow = await tx.householdScore.findUnique({ where: { householdId_year: { householdId, year: ALL_TIME } } });
  const awards = await tx.civilizedFamilyAward.findMany({ where: { householdId, status: "AWARDED" }, orderBy: { year: "asc" }, select: { year: true } });
  const digest = await digestOfTheDay(tx, townshipId, today, context, now);
  const firstEntry = first._min.occurredOn;
  const from = firstEntry && firstEntry < household.registeredOn ? firstEntry : household.registeredOn;
  return {
    format: EXTRACT_FORMAT,
    code: extract.code,
    township: { name: household.village.township.name, county: household.village.township.county },
    household: { archiveNo: household.archiveNo, headName: household.headName, village: household.village.name },
    purpose: extract.purpose,
    purposeNote: extract.purposeNote,
    period: { from: dateToDay(from) < today ? dateToDay(from) : today, to: today },
    reds: reds.map((r) => ({ occurredOn: dateToDay(r.occurredOn), ruleCode: r.rule.code, ruleTitle: r.rule.title, marks: r.marks })),
    counts: { activeYellows, blacks },
    score: {
      basis: "ALL_TIME", score: scoreRow?.score ?? 0, redMarks: scoreRow?.redMarks ?? 0,
      activeYellowMarks: scoreRow?.activeYellowMarks ?? 0, blackMarks: scoreRow?.blackMarks ?? 0,
    },
    awards: awards.map((a) => a.year),
    issuedOn: today,
    validUntil: addDays(today, validityDays),
    digest,
    keyId,
  };
}

/**
 * The township digest of the issue day, printed: the latest taken today (China), or a DAILY one
 * recorded now when none was (serialized with the daily job, lib/server/chain/record-daily-digests.ts).
 */
async function digestOfTheDay(tx: Tx, townshipId: string, today: string, context: RequestContext, now: Date): Promise<string> {
  const latest = await latestTownshipDigest(tx, townshipId, { on: today });
  if (latest) return latest.printed;
  const taken = await recordDailyDigestUnlessTaken(tx, townshipId, context, now);
  if (taken) return taken.printed;
  // The daily job took it while this waited for the lock: committed, it is visible now.
  const recorded = await latestTownshipDigest(tx, townshipId, { on: today });
  if (!recorded) throw new Error(`today's digest of township ${townshipId} was taken but cannot be read`);
  return recorded.printed;
}
