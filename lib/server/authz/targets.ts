import "server-only";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import {
  assertNotRecused,
  authorize,
  entryWhere,
  householdWhere,
  villageWhere,
  type Actor,
  type Permission,
} from "./index";

// The one way a use case gets hold of its target: the role's permission (403), the target read
// with the actor's scope in its `where` (404 outside it, so nobody learns what exists elsewhere),
// then recusal for recused permissions (403 with the reason). Use cases load whatever else they
// need by the returned ids, inside their own transaction.

export type HouseholdTarget = { householdId: string; villageId: string; townshipId: string };
export type EntryTarget = HouseholdTarget & { entryId: string };
export type VillageTarget = { villageId: string; townshipId: string };
export type ReviewTarget = VillageTarget & { reviewId: string; status: "OPEN" | "CLOSED" };

const notFound = () => new AppError("NOT_FOUND", "errors.notFound");
const placeSelect = { villageId: true, village: { select: { townshipId: true } } } as const;

export async function loadHouseholdTarget(actor: Actor, permission: Permission, householdId: string): Promise<HouseholdTarget> {
  authorize(actor, permission);
  const row = await db.household.findFirst({ where: { AND: [{ id: householdId }, householdWhere(actor)] }, select: placeSelect });
  if (!row) throw notFound();
  assertNotRecused(actor, permission, householdId);
  return { householdId, villageId: row.villageId, townshipId: row.village.townshipId };
}

export async function loadEntryTarget(actor: Actor, permission: Permission, entryId: string): Promise<EntryTarget> {
  authorize(actor, permission);
  const row = await db.entry.findFirst({
    where: { AND: [{ id: entryId }, entryWhere(actor)] }, select: { householdId: true, ...placeSelect },
  });
  if (!row) throw notFound();
  assertNotRecused(actor, permission, row.householdId);
  return { entryId, householdId: row.householdId, villageId: row.villageId, townshipId: row.village.townshipId };
}

/** A rectification request or an appeal: both belong to one household's archive. */
export async function loadDueProcessTarget(
  actor: Actor, permission: Permission, kind: "rectification" | "appeal", id: string,
): Promise<EntryTarget> {
  authorize(actor, permission);
  const where = { AND: [{ id }, { household: householdWhere(actor) }] };
  const select = { entryId: true, householdId: true, household: { select: placeSelect } } as const;
  const row = kind === "rectification"
    ? await db.rectification.findFirst({ where, select })
    : await db.appeal.findFirst({ where, select });
  if (!row) throw notFound();
  assertNotRecused(actor, permission, row.householdId);
  const { villageId, village } = row.household;
  return { entryId: row.entryId, householdId: row.householdId, villageId, townshipId: village.townshipId };
}

export async function loadVillageTarget(actor: Actor, permission: Permission, villageId: string): Promise<VillageTarget> {
  authorize(actor, permission);
  const row = await db.village.findFirst({ where: { AND: [{ id: villageId }, villageWhere(actor)] }, select: { townshipId: true } });
  if (!row) throw notFound();
  return { villageId, townshipId: row.townshipId };
}

/**
 * A quarterly review, scoped through its village. Recusal applies per entry of the review, not
 * to the review as a whole: the use cases apply it with the roster's frozen home households.
 */
export async function loadReviewTarget(actor: Actor, permission: Permission, reviewId: string): Promise<ReviewTarget> {
  authorize(actor, permission);
  const row = await db.quarterlyReview.findFirst({
    where: { AND: [{ id: reviewId }, { village: villageWhere(actor) }] },
    select: { villageId: true, status: true, village: { select: { townshipId: true } } },
  });
  if (!row) throw notFound();
  return { reviewId, villageId: row.villageId, townshipId: row.village.townshipId, status: row.status };
}

export type RuleSetTarget = VillageTarget & { ruleSetId: string };
export type RuleTarget = RuleSetTarget & { ruleId: string };

/**
 * A version of a village's rules, scoped through its village. Its status is not decided here:
 * the use cases read it again under the set's lock (lib/server/rule-sets/rule-set-lock.ts).
 */
export async function loadRuleSetTarget(actor: Actor, permission: Permission, ruleSetId: string): Promise<RuleSetTarget> {
  authorize(actor, permission);
  const row = await db.ruleSet.findFirst({ where: { AND: [{ id: ruleSetId }, { village: villageWhere(actor) }] }, select: placeSelect });
  if (!row) throw notFound();
  return { ruleSetId, villageId: row.villageId, townshipId: row.village.townshipId };
}

/** One rule of a rule set, scoped through the set's village. */
export async function loadRuleTarget(actor: Actor, permission: Permission, ruleId: string): Promise<RuleTarget> {
  authorize(actor, permission);
  const row = await db.rule.findFirst({
    where: { AND: [{ id: ruleId }, { ruleSet: { village: villageWhere(actor) } }] },
    select: { ruleSetId: true, ruleSet: { select: placeSelect } },
  });
  if (!row) throw notFound();
  return { ruleId, ruleSetId: row.ruleSetId, villageId: row.ruleSet.villageId, townshipId: row.ruleSet.village.townshipId };
}

export type AwardTarget = HouseholdTarget & { awardId: string };

/** A civilized-family nomination or award, scoped through its household. */
export async function loadAwardTarget(actor: Actor, permission: Permission, awardId: string): Promise<AwardTarget> {
  authorize(actor, permission);
  const row = await db.civilizedFamilyAward.findFirst({
    where: { AND: [{ id: awardId }, { household: householdWhere(actor) }] },
    select: { householdId: true, household: { select: placeSelect } },
  });
  if (!row) throw notFound();
  assertNotRecused(actor, permission, row.householdId);
  return { awardId, householdId: row.householdId, villageId: row.household.villageId, townshipId: row.household.village.townshipId };
}
