import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/server/errors";

// The one authorization policy (DESIGN.md "Who uses it"). Every page, Server Action and route
// handler asks it: first whether the role may do the thing at all, then whether the target lies
// in the actor's scope. Reads are additionally scoped in their queries (see the *Where helpers).

export type Actor = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  townshipId: string | null; // null only for ADMIN
  villageId: string | null; // CLERK, REPRESENTATIVE, HOUSEHOLD
  householdId: string | null; // HOUSEHOLD: the household it may read
  homeHouseholdId: string | null; // CLERK, REPRESENTATIVE: where they live (recusal)
  // The session began with a one-time access code a clerk issued (so a clerk may be acting as
  // the household): filings record it (DESIGN.md "Sessions", issue 7 point 11).
  viaAccessCode: boolean;
};

// Each permission: the roles that hold it, and whether it is recused — nobody exercises it on the
// household they live in (DESIGN.md "Recusal"). Recusal is applied where the target is loaded
// (./targets.ts), so a use case cannot forget it.
type Grant = { roles: readonly Role[]; recused: boolean };
const grant = (...roles: Role[]): Grant => ({ roles, recused: false });
const recused = (...roles: Role[]): Grant => ({ roles, recused: true });

export const policy = {
  "me.read": grant("ADMIN", "TOWNSHIP_OFFICIAL", "CLERK", "REPRESENTATIVE", "HOUSEHOLD"),
  "me.changePassword": grant("ADMIN", "TOWNSHIP_OFFICIAL", "CLERK", "REPRESENTATIVE", "HOUSEHOLD"),
  "tokens.manageOwn": grant("ADMIN", "TOWNSHIP_OFFICIAL", "CLERK", "REPRESENTATIVE"),
  "accounts.read": grant("ADMIN", "TOWNSHIP_OFFICIAL"),
  "accounts.manage": grant("ADMIN", "TOWNSHIP_OFFICIAL"),
  // A code lets its holder sign in as the household: never for one's own.
  "accounts.issueAccessCode": recused("ADMIN", "TOWNSHIP_OFFICIAL", "CLERK"),
  "villages.read": grant("ADMIN", "TOWNSHIP_OFFICIAL", "CLERK", "REPRESENTATIVE"),
  "villages.manage": grant("ADMIN", "TOWNSHIP_OFFICIAL"),
  "townships.read": grant("ADMIN", "TOWNSHIP_OFFICIAL"),
  // What /api/health tells beyond ok: migration names and database errors.
  "system.health": grant("ADMIN"),
  "households.read": grant("ADMIN", "TOWNSHIP_OFFICIAL", "CLERK", "HOUSEHOLD"),
  // Listing, searching and exporting many households: staff only (a household reads itself).
  "households.search": grant("ADMIN", "TOWNSHIP_OFFICIAL", "CLERK"),
  // Moving a household out or editing it decides what can be recorded on it: recused too.
  "households.manage": recused("CLERK"),
  "audit.read": grant("ADMIN", "TOWNSHIP_OFFICIAL"),
  "chains.verify": grant("ADMIN", "TOWNSHIP_OFFICIAL"),
  "entries.read": grant("ADMIN", "TOWNSHIP_OFFICIAL", "CLERK", "REPRESENTATIVE", "HOUSEHOLD"),
  "entries.list": grant("ADMIN", "TOWNSHIP_OFFICIAL", "CLERK", "REPRESENTATIVE"),
  "entries.record": recused("CLERK"),
  "entries.void": recused("CLERK"),
  "evidence.upload": grant("CLERK"),
  "rules.read": grant("ADMIN", "TOWNSHIP_OFFICIAL", "CLERK", "REPRESENTATIVE"),
  // A household's archive page: score, eligibility, entries, rectifications and appeals.
  "archive.read": grant("ADMIN", "TOWNSHIP_OFFICIAL", "CLERK", "HOUSEHOLD"),
  // A household asks for its own yellows; a clerk may ask on its behalf. Both may upload photos for it.
  "rectifications.request": grant("CLERK", "HOUSEHOLD"),
  "rectifications.decide": recused("CLERK"),
  "rectifications.list": grant("ADMIN", "TOWNSHIP_OFFICIAL", "CLERK"),
  "appeals.lodge": grant("HOUSEHOLD"),
  "appeals.resolve": recused("CLERK"),
  // "Open appeals are visible to the township" (DESIGN.md).
  "appeals.list": grant("ADMIN", "TOWNSHIP_OFFICIAL", "CLERK"),
  // Quarterly reviews: the council opens, records attendance and paper ballots, and closes; the
  // representatives vote — never on their own household's entries (recusal per entry, applied
  // when a ballot is counted: lib/domain/vote-rules.ts).
  "reviews.read": grant("ADMIN", "TOWNSHIP_OFFICIAL", "CLERK", "REPRESENTATIVE"),
  "reviews.manage": grant("CLERK"),
  "reviews.vote": recused("REPRESENTATIVE"),
  // Village rules: the council drafts, the representative assembly votes them through.
  "ruleSets.read": grant("ADMIN", "TOWNSHIP_OFFICIAL", "CLERK", "REPRESENTATIVE"),
  "ruleSets.manage": grant("CLERK"),
  "ruleSets.vote": grant("REPRESENTATIVE"),
  // Archive extracts (证明材料): the household asks for its own, or a clerk of its village asks and
  // the household consents — never a clerk for the household he lives in; a township official
  // issues, declines and revokes them.
  "extracts.read": grant("ADMIN", "TOWNSHIP_OFFICIAL", "CLERK", "HOUSEHOLD"),
  "extracts.request": recused("CLERK", "HOUSEHOLD"),
  "extracts.consent": grant("HOUSEHOLD"),
  "extracts.list": grant("ADMIN", "TOWNSHIP_OFFICIAL"),
  "extracts.issue": grant("TOWNSHIP_OFFICIAL"),
  "extracts.revoke": grant("TOWNSHIP_OFFICIAL"),
  // Township settings (score weights, threshold, notices, honour board, extract validity): set by
  // the township's officials, read by township staff.
  "settings.read": grant("ADMIN", "TOWNSHIP_OFFICIAL"),
  "settings.manage": grant("TOWNSHIP_OFFICIAL"),
  // Rankings by score: the township's officials (and administrators) rank the township or a
  // village; a clerk ranks only his own village (lib/server/rankings/get-rankings.ts).
  "rankings.read": grant("ADMIN", "TOWNSHIP_OFFICIAL", "CLERK"),
  // Civilized-family selection: the village council nominates, the township awards; nobody
  // nominates or decides on the household they live in.
  "selection.read": grant("ADMIN", "TOWNSHIP_OFFICIAL", "CLERK"),
  "selection.nominate": recused("CLERK"),
  // Recusal on selection.decide is declared but has no effect today: officials have no home
  // household (Account.homeHouseholdId is set for village staff only), so it never applies.
  // selection.decide also covers withdrawing an award (lib/server/selection/withdraw-award.ts).
  "selection.decide": recused("TOWNSHIP_OFFICIAL"),
  // The township dashboard: figures per village and per clerk of the township (aggregates only).
  "dashboard.read": grant("ADMIN", "TOWNSHIP_OFFICIAL"),
} as const satisfies Record<string, Grant>;

export type Permission = keyof typeof policy;

export function can(actor: Pick<Actor, "role">, permission: Permission): boolean {
  return policy[permission].roles.includes(actor.role);
}

export const isRecused = (permission: Permission): boolean => policy[permission].recused;

/** Whether to offer the action on a household's record: the role holds it and recusal allows it. */
export function canOn(actor: Pick<Actor, "role" | "homeHouseholdId">, permission: Permission, householdId: string): boolean {
  return can(actor, permission) && !(isRecused(permission) && actor.homeHouseholdId === householdId);
}

/** Throws 403 unless the role holds the permission. */
export function authorize(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new AppError("FORBIDDEN", "errors.forbidden");
}

export type Place = { townshipId: string; villageId?: string | null; householdId?: string | null };

/** Whether a place (township, village or household) lies within the actor's scope. */
export function isInScope(actor: Actor, place: Place): boolean {
  switch (actor.role) {
    case "ADMIN":
      return true;
    case "TOWNSHIP_OFFICIAL":
      return place.townshipId === actor.townshipId;
    case "CLERK":
    case "REPRESENTATIVE":
      return place.townshipId === actor.townshipId && !!place.villageId && place.villageId === actor.villageId;
    case "HOUSEHOLD":
      return !!place.householdId && place.householdId === actor.householdId;
  }
}

/**
 * Out-of-scope targets are reported as not found, so that nobody learns which archive numbers,
 * accounts or villages exist outside their own scope.
 */
export function authorizeIn(actor: Actor, permission: Permission, place: Place): void {
  authorize(actor, permission);
  if (!isInScope(actor, place)) throw new AppError("NOT_FOUND", "errors.notFound");
}

/**
 * Recusal (DESIGN.md): a recused permission is never exercised on the household the actor lives
 * in — 403 with the reason, since the actor can see the household anyway.
 */
export function assertNotRecused(actor: Actor, permission: Permission, householdId: string): void {
  if (isRecused(permission) && actor.homeHouseholdId === householdId) {
    throw new AppError("FORBIDDEN", "errors.recusedOwnHousehold");
  }
}

// An account whose role needs a scope but has none is refused rather than given a filter
// that might match everything.
function scopeId(value: string | null): string {
  if (!value) throw new AppError("FORBIDDEN", "errors.forbidden");
  return value;
}

export const townshipIdOf = (actor: Actor): string => scopeId(actor.townshipId);
export const villageIdOf = (actor: Actor): string => scopeId(actor.villageId);

/** Prisma `where` for villages the actor may see. */
export function villageWhere(actor: Actor) {
  if (actor.role === "ADMIN") return {};
  if (actor.role === "TOWNSHIP_OFFICIAL") return { townshipId: townshipIdOf(actor) };
  return { id: villageIdOf(actor) };
}

/** Prisma `where` for accounts the actor may manage. */
export function accountWhere(actor: Actor) {
  if (actor.role === "ADMIN") return {};
  return { townshipId: townshipIdOf(actor) };
}

/** Prisma `where` for audit records the actor may browse. */
export function auditWhere(actor: Actor) {
  if (actor.role === "ADMIN") return {};
  return { townshipId: townshipIdOf(actor) };
}

/**
 * Prisma `where` for entries the actor may read: representatives read their village's entries
 * under review (PENDING) only; a household reads its own archive.
 */
export function entryWhere(actor: Actor): Prisma.EntryWhereInput {
  switch (actor.role) {
    case "ADMIN":
      return {};
    case "TOWNSHIP_OFFICIAL":
      return { village: { townshipId: townshipIdOf(actor) } };
    case "CLERK":
      return { villageId: villageIdOf(actor) };
    case "REPRESENTATIVE":
      return { villageId: villageIdOf(actor), status: "PENDING" };
    case "HOUSEHOLD":
      return { householdId: scopeId(actor.householdId) };
  }
}

/**
 * Prisma `where` for appeals the actor may list ("open appeals are visible to the township",
 * DESIGN.md); a clerk's walks the (villageId, status, createdAt) index directly.
 */
export function appealWhere(actor: Actor): Prisma.AppealWhereInput {
  switch (actor.role) {
    case "ADMIN":
      return {};
    case "TOWNSHIP_OFFICIAL":
      return { village: { townshipId: townshipIdOf(actor) } };
    case "CLERK":
    case "REPRESENTATIVE":
      return { villageId: villageIdOf(actor) };
    case "HOUSEHOLD":
      return { householdId: scopeId(actor.householdId) };
  }
}

/** Prisma `where` for households the actor may read. */
export function householdWhere(actor: Actor): Prisma.HouseholdWhereInput {
  switch (actor.role) {
    case "ADMIN":
      return {};
    case "TOWNSHIP_OFFICIAL":
      return { village: { townshipId: townshipIdOf(actor) } };
    case "CLERK":
    case "REPRESENTATIVE":
      return { villageId: villageIdOf(actor) };
    case "HOUSEHOLD":
      return { id: scopeId(actor.householdId) };
  }
}

// The same scopes as SQL conditions, for the few reads written by hand (a page and its total in
// one statement, where Prisma needs a round trip per relation and counts relations over the whole
// table). Each must say what its Prisma twin above says.

/** villageWhere as a condition on a village id column: all, the official's township's, or the own village. */
function villageScopeSql(actor: Actor, villageId: Prisma.Sql): Prisma.Sql {
  if (actor.role === "ADMIN") return Prisma.sql`TRUE`;
  if (actor.role === "TOWNSHIP_OFFICIAL") {
    return Prisma.sql`${villageId} IN (SELECT "id" FROM "Village" WHERE "townshipId" = ${townshipIdOf(actor)}::uuid)`;
  }
  return Prisma.sql`${villageId} = ${villageIdOf(actor)}::uuid`;
}

/** householdWhere on the household alias `h`. */
export function householdScopeSql(actor: Actor): Prisma.Sql {
  if (actor.role === "HOUSEHOLD") return Prisma.sql`h."id" = ${scopeId(actor.householdId)}::uuid`;
  return villageScopeSql(actor, Prisma.sql`h."villageId"`);
}

/** entryWhere on the entry alias `e`: representatives see the entries under review only. */
export function entryScopeSql(actor: Actor): Prisma.Sql {
  if (actor.role === "HOUSEHOLD") return Prisma.sql`e."householdId" = ${scopeId(actor.householdId)}::uuid`;
  const inVillages = villageScopeSql(actor, Prisma.sql`e."villageId"`);
  return actor.role === "REPRESENTATIVE" ? Prisma.sql`${inVillages} AND e."status" = 'PENDING'` : inVillages;
}
