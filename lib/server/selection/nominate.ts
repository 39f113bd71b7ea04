import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { NominateInput, NominationView } from "@/lib/schemas/selection";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/authz";
import { loadHouseholdTarget } from "@/lib/server/authz/targets";
import { lockChain } from "@/lib/server/chain/append-to-chain";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { RequestContext } from "@/lib/server/request-context";
import { isUniqueViolation } from "@/lib/server/unique-violation";
import { assertEligible, assessRow } from "./assess-row";
import { unsafeGetNomination } from "./award-views";
import { assertSelectionOpen } from "./season";

/**
 * A clerk of the household's village nominates it as a civilized family for a year, with the
 * council's note: never the clerk's own household, only while the year's season is open, only
 * an eligible household (judged on its maintained score row under the household's chain lock,
 * so that a review closing meanwhile cannot slip a black in between), once per household and
 * year. A withdrawn nomination may be made again.
 */
export async function nominate(actor: Actor, input: NominateInput, context: RequestContext, now: Date = new Date()): Promise<NominationView> {
  const target = await loadHouseholdTarget(actor, "selection.nominate", input.householdId);
  assertSelectionOpen(input.year, now);
  const place = { townshipId: target.townshipId, villageId: target.villageId };
  let awardId: string;
  try {
    awardId = await db.$transaction(async (tx) => {
      await lockChain(tx, target.householdId);
      const household = await tx.household.findUniqueOrThrow({ where: { id: target.householdId }, select: { status: true } });
      if (household.status !== "ACTIVE") throw new AppError("RULE_VIOLATION", "selection.errors.householdNotActive");
      const existing = await tx.civilizedFamilyAward.findUnique({
        where: { householdId_year: { householdId: target.householdId, year: input.year } }, select: { id: true, status: true },
      });
      if (existing && existing.status !== "WITHDRAWN") throw alreadyNominated(input.year);
      const { assessment } = await assessRow(tx, target.householdId, target.townshipId, input.year, now);
      assertEligible(assessment, input.year);
      const data = {
        status: "NOMINATED" as const, nominatedById: actor.id, nominatedAt: now, note: input.note,
        decidedById: null, decidedAt: null, decisionReason: null, settingsId: null,
      };
      const row = existing
        ? await tx.civilizedFamilyAward.update({ where: { id: existing.id }, data: { ...data, assessment: Prisma.DbNull }, select: { id: true } })
        : await tx.civilizedFamilyAward.create({
          data: { ...data, townshipId: target.townshipId, householdId: target.householdId, year: input.year }, select: { id: true },
        });
      await writeAudit(tx, context, {
        actorId: actor.id, action: "award.nominate", targetType: "CivilizedFamilyAward", targetId: row.id, ...place,
        ...(existing ? { before: { status: existing.status } } : {}),
        after: { householdId: target.householdId, year: input.year, status: "NOMINATED", note: input.note, assessment },
      });
      return row.id;
    });
  } catch (error) {
    // Two clerks nominating the same household at once: the second one is told it already is.
    if (isUniqueViolation(error)) throw alreadyNominated(input.year);
    throw error;
  }
  return unsafeGetNomination(awardId);
}

const alreadyNominated = (year: number) => new AppError("CONFLICT", "selection.errors.alreadyNominated", { year });
