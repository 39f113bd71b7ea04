import "server-only";
import { dateToDay } from "@/lib/domain/entry-date";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { HouseholdOutput } from "@/lib/schemas/households";
import { assertNotRecused, authorizeIn, type Actor, type Permission } from "@/lib/server/authz";
import { AppError } from "@/lib/server/errors";

// The columns a household is shown with, and what the audit log keeps of it.
const place = { select: { id: true, name: true } } as const;
export const memberSelect = { id: true, name: true, relation: true, gender: true, birthYear: true, active: true } as const;

// Active members first; within them the head, then the eldest to the youngest.
export const memberOrder = [{ active: "desc" }, { birthYear: "asc" }, { name: "asc" }, { id: "asc" }] satisfies Prisma.MemberOrderByWithRelationInput[];
export const headFirst = <M extends { relation: string; active: boolean }>(members: M[]): M[] => [
  ...members.filter((m) => m.active && m.relation === "HEAD"), ...members.filter((m) => !(m.active && m.relation === "HEAD")),
];

export const householdSelect = {
  id: true, archiveNo: true, headName: true, headInitials: true, address: true, phone: true, status: true,
  registeredOn: true, createdAt: true, updatedAt: true, villageId: true, groupId: true,
  village: { select: { id: true, name: true, townshipId: true, township: place } },
  group: place,
  members: { select: memberSelect, orderBy: memberOrder },
} satisfies Prisma.HouseholdSelect;

export type HouseholdRow = Prisma.HouseholdGetPayload<{ select: typeof householdSelect }>;

export function toHouseholdOutput(row: HouseholdRow): HouseholdOutput {
  return {
    id: row.id, archiveNo: row.archiveNo, headName: row.headName, headInitials: row.headInitials,
    address: row.address, phone: row.phone, status: row.status, registeredOn: dateToDay(row.registeredOn),
    village: { id: row.village.id, name: row.village.name }, township: row.village.township, group: row.group,
    members: headFirst(row.members),
    createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(),
  };
}

/** The household's own columns as the audit log keeps them (no members). */
export const householdSnapshot = (row: {
  archiveNo: string; headName: string; address: string; phone: string | null; groupId: string | null;
  status: string; registeredOn: Date;
}) => ({
  archiveNo: row.archiveNo, headName: row.headName, address: row.address, phone: row.phone,
  groupId: row.groupId, status: row.status, registeredOn: dateToDay(row.registeredOn),
});

export const placeOf = (row: { id: string; villageId: string; village: { townshipId: string } }) => ({
  townshipId: row.village.townshipId, villageId: row.villageId, householdId: row.id,
});

/**
 * Reads a household inside a write's transaction, locking its row so that the audit record's
 * "before" is what the write replaced, and checks that the actor may change it.
 */
export async function lockHouseholdForWrite(tx: Prisma.TransactionClient, actor: Actor, id: string, permission: Permission = "households.manage") {
  await tx.$executeRaw`SELECT 1 FROM "Household" WHERE id = ${id}::uuid FOR UPDATE`;
  const row = await tx.household.findUnique({ where: { id }, select: householdSelect });
  if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
  authorizeIn(actor, permission, placeOf(row));
  assertNotRecused(actor, permission, row.id);
  return row;
}

type Json = string | number | boolean | null;

/** Only the fields that differ, as the "before" and "after" halves of the audit record. */
export function changedFields<T extends Record<string, Json>>(current: T, wanted: { [K in keyof T]?: T[K] | undefined }) {
  const before: Partial<T> = {};
  const after: Partial<T> = {};
  for (const key of Object.keys(wanted) as (keyof T)[]) {
    const value = wanted[key];
    if (value === undefined || value === current[key]) continue;
    before[key] = current[key];
    after[key] = value;
  }
  return { before, after, changed: Object.keys(after).length > 0 };
}

export const nothingChanged = () => new AppError("RULE_VIOLATION", "errors.nothingChanged");
