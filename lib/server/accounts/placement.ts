import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { authorizeIn, type Actor } from "@/lib/server/authz";
import { AppError } from "@/lib/server/errors";

// Where an account sits (DESIGN.md "Who uses it"): officials in a township, clerks and
// representatives in a village (optionally living in one of its households), a household
// account on its household. Shared by create and update so that the scope rule lives once.

export type Placement = {
  townshipId: string | null;
  villageId: string | null;
  householdId: string | null;
  homeHouseholdId: string | null;
};

export type WantedPlacement = {
  role: Role;
  townshipId?: string | null;
  villageId?: string | null;
  homeHouseholdId?: string | null;
  householdId?: string | null;
  // The account's village so far: it may stay there even after the village was deactivated.
  currentVillageId?: string | null;
};

const missing = (field: string, key: string) => new AppError("INVALID_INPUT", "errors.invalidInput", undefined, { [field]: key });
const violation = (field: string, key: string) => new AppError("RULE_VIOLATION", key, undefined, { [field]: key });

/**
 * Checks that the place lies in the actor's scope (404 outside it) and returns the columns to
 * store. Whether the actor may give the role at all is decided before, by
 * authz/manage-accounts.ts.
 */
export async function resolvePlacement(tx: Prisma.TransactionClient, actor: Actor, wanted: WantedPlacement): Promise<Placement> {
  const none = { townshipId: null, villageId: null, householdId: null, homeHouseholdId: null };
  switch (wanted.role) {
    case "ADMIN":
      return none;
    case "TOWNSHIP_OFFICIAL":
      return { ...none, townshipId: await townshipInScope(tx, actor, wanted.townshipId ?? actor.townshipId) };
    case "CLERK":
    case "REPRESENTATIVE": {
      const village = await villageInScope(tx, actor, wanted.villageId, wanted.currentVillageId);
      const homeHouseholdId = wanted.homeHouseholdId ? await homeInVillage(tx, village.id, wanted.homeHouseholdId) : null;
      return { ...none, townshipId: village.townshipId, villageId: village.id, homeHouseholdId };
    }
    case "HOUSEHOLD": {
      const household = await householdInScope(tx, actor, wanted.householdId);
      return { ...none, townshipId: household.village.townshipId, villageId: household.villageId, householdId: household.id };
    }
  }
}

async function townshipInScope(tx: Prisma.TransactionClient, actor: Actor, id: string | null | undefined) {
  if (!id) throw missing("townshipId", "validation.townshipRequired");
  const township = await tx.township.findUnique({ where: { id }, select: { id: true } });
  if (!township) throw new AppError("NOT_FOUND", "errors.notFound");
  authorizeIn(actor, "accounts.manage", { townshipId: township.id });
  return township.id;
}

async function villageInScope(tx: Prisma.TransactionClient, actor: Actor, id: string | null | undefined, currentId?: string | null) {
  if (!id) throw missing("villageId", "validation.villageRequired");
  const village = await tx.village.findUnique({ where: { id }, select: { id: true, townshipId: true, active: true } });
  if (!village) throw new AppError("NOT_FOUND", "errors.notFound");
  authorizeIn(actor, "accounts.manage", { townshipId: village.townshipId, villageId: village.id });
  if (!village.active && village.id !== currentId) throw violation("villageId", "errors.villageInactive");
  return village;
}

async function homeInVillage(tx: Prisma.TransactionClient, villageId: string, id: string) {
  const home = await tx.household.findFirst({ where: { id, villageId }, select: { id: true } });
  if (!home) throw violation("homeHouseholdId", "errors.homeHouseholdOutsideVillage");
  return home.id;
}

async function householdInScope(tx: Prisma.TransactionClient, actor: Actor, id: string | null | undefined) {
  if (!id) throw missing("householdId", "validation.householdRequired");
  const household = await tx.household.findUnique({
    where: { id }, select: { id: true, villageId: true, archiveNo: true, headName: true, village: { select: { townshipId: true } } },
  });
  if (!household) throw new AppError("NOT_FOUND", "errors.notFound");
  authorizeIn(actor, "accounts.manage", { townshipId: household.village.townshipId, villageId: household.villageId, householdId: household.id });
  return household;
}
