import "server-only";
import { chinaToday, dayToDate } from "@/lib/domain/entry-date";
import {
  ChangeTownshipSettingsSchema, type ChangeTownshipSettingsInput, type SettingsChangeResult, type SettingsHistoryItem,
} from "@/lib/schemas/township-settings";
import { writeAudit } from "@/lib/server/audit";
import { authorize, townshipIdOf, type Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { RequestContext } from "@/lib/server/request-context";
import { reweighScores } from "@/lib/server/scores/reweigh-scores";
import { isUniqueViolation } from "@/lib/server/unique-violation";
import { settingsHistorySelect, toHistoryItem } from "./get-settings";
import { lockTownshipSettings } from "./settings-lock";

// What the audit record keeps of a version: everything that decides a result, and why.
const auditView = ({ createdBy: _c, createdAt: _a, ...version }: SettingsHistoryItem) => version;

/**
 * A township official sets the township's settings from a day on (issue 9 point 1): a new
 * version in the append-only TownshipSettings table, never an edit of an earlier one. One
 * transaction writes the version and its audit record and, when it takes effect today,
 * re-weighs the running year's score rows of every household of the township, so that the
 * rankings change at once. A version from a later day is scheduled: today's scores stay as they
 * are, and the hourly job (lib/server/scores/refresh-stale-scores.ts) applies it on its day.
 * One version per day: a second change for a day that already has one is refused (409) — the
 * earlier version is part of the record; schedule the correction for the next day.
 */
export async function changeTownshipSettings(
  actor: Actor, input: ChangeTownshipSettingsInput, context: RequestContext, now: Date = new Date(),
): Promise<SettingsChangeResult> {
  authorize(actor, "settings.manage");
  const townshipId = townshipIdOf(actor);
  const data = ChangeTownshipSettingsSchema.parse(input);
  const today = chinaToday(now);
  if (data.effectiveFrom < today) {
    throw new AppError("RULE_VIOLATION", "settings.errors.pastDate", { today }, { effectiveFrom: "settings.errors.pastDateField" });
  }
  const { reason, ...values } = data;
  try {
    return await db.$transaction(async (tx) => {
      // One change at a time per township: the day check and the re-weighing see each other's
      // versions (settings-lock.ts).
      await lockTownshipSettings(tx, townshipId);
      const day = dayToDate(data.effectiveFrom);
      const taken = await tx.townshipSettings.findUnique({ where: { townshipId_effectiveFrom: { townshipId, effectiveFrom: day } }, select: { id: true } });
      if (taken) throw dayTaken(data.effectiveFrom);
      const before = await tx.townshipSettings.findFirst({
        where: { townshipId, effectiveFrom: { lte: day } }, orderBy: { effectiveFrom: "desc" }, select: settingsHistorySelect,
      });
      const created = toHistoryItem(await tx.townshipSettings.create({
        data: { ...values, effectiveFrom: day, townshipId, reason, createdById: actor.id }, select: settingsHistorySelect,
      }), { id: actor.id, displayName: actor.displayName });
      await writeAudit(tx, context, {
        actorId: actor.id, action: "township.settings.change", targetType: "TownshipSettings", targetId: created.id, townshipId,
        before: before ? auditView(toHistoryItem(before, null)) : null, after: auditView(created),
      });
      const scheduled = data.effectiveFrom > today;
      const refreshedHouseholds = scheduled ? 0 : await reweighScores(tx, townshipId, today);
      return { version: created, scheduled, refreshedHouseholds };
    }, { timeout: 120_000, maxWait: 30_000 });
  } catch (error) {
    if (isUniqueViolation(error)) throw dayTaken(data.effectiveFrom);
    throw error;
  }
}

const dayTaken = (day: string) =>
  new AppError("CONFLICT", "settings.errors.dayTaken", { day }, { effectiveFrom: "settings.errors.dayTakenField" });
