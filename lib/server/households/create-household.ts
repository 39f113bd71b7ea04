import "server-only";
import { dayToDate } from "@/lib/domain/entry-date";
import { pinyinInitials } from "@/lib/domain/pinyin-initials";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CreateHouseholdInput } from "@/lib/schemas/households";
import { writeAudit } from "@/lib/server/audit";
import { authorize, authorizeIn, villageIdOf, type Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { RequestContext } from "@/lib/server/request-context";
import { assertSerialAvailable, formatArchiveNo, lockVillageNumbering } from "./archive-numbers";
import { householdSelect, householdSnapshot, toHouseholdOutput } from "./household-record";

/**
 * Opens the archive of a new household in the clerk's village: the next archive number, the
 * head of household as its first member.
 */
export async function createHousehold(actor: Actor, input: CreateHouseholdInput, context: RequestContext) {
  authorize(actor, "households.manage");
  const villageId = villageIdOf(actor);
  return db.$transaction(async (tx) => {
    const village = await lockVillageNumbering(tx, villageId);
    if (!village) throw new AppError("NOT_FOUND", "errors.notFound");
    authorizeIn(actor, "households.manage", { townshipId: village.townshipId, villageId });
    if (!village.active) throw new AppError("RULE_VIOLATION", "errors.villageInactiveForHouseholds");
    const groupId = await groupOfVillage(tx, villageId, input.groupId);
    assertSerialAvailable(village.lastSerial + 1);
    const row = await tx.household.create({
      data: {
        villageId, groupId, archiveNo: formatArchiveNo(village.prefix, village.lastSerial + 1),
        headName: input.headName, headInitials: pinyinInitials(input.headName), address: input.address,
        phone: input.phone ?? null, registeredOn: dayToDate(input.registeredOn),
        members: { create: { name: input.headName, relation: "HEAD", gender: input.headGender ?? null, birthYear: input.headBirthYear } },
      },
      select: householdSelect,
    });
    const head = row.members[0]!;
    await writeAudit(tx, context, {
      actorId: actor.id, action: "household.create", targetType: "Household", targetId: row.id,
      townshipId: village.townshipId, villageId,
      after: { ...householdSnapshot(row), head: { id: head.id, name: head.name, gender: head.gender, birthYear: head.birthYear } },
    });
    return toHouseholdOutput(row);
  });
}

/** The group must be one of the village's own; null or absent means none. */
export async function groupOfVillage(tx: Prisma.TransactionClient, villageId: string, groupId: string | null | undefined) {
  if (!groupId) return null;
  const group = await tx.villagerGroup.findFirst({ where: { id: groupId, villageId }, select: { id: true } });
  if (!group) throw new AppError("INVALID_INPUT", "errors.invalidInput", undefined, { groupId: "validation.groupUnknown" });
  return group.id;
}
