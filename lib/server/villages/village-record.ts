import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { VillageOutput } from "@/lib/schemas/villages";
import { AppError } from "@/lib/server/errors";

export const villageSelect = {
  id: true, townshipId: true, code: true, name: true, kind: true, active: true,
  township: { select: { id: true, name: true, code: true } },
  _count: { select: { households: true } },
} satisfies Prisma.VillageSelect;

export type VillageRow = Prisma.VillageGetPayload<{ select: typeof villageSelect }>;

export const toVillageOutput = (row: VillageRow): VillageOutput => ({
  id: row.id, code: row.code, name: row.name, kind: row.kind, active: row.active,
  township: row.township, households: row._count.households,
});

export const auditSnapshot = (row: VillageRow) => ({
  townshipId: row.townshipId, code: row.code, name: row.name, kind: row.kind, active: row.active,
});

export const villageConflict = (field: "code" | "name") => {
  const key = field === "code" ? "errors.villageCodeTaken" : "errors.villageNameTaken";
  return new AppError("CONFLICT", key, undefined, { [field]: key });
};

/** Code and name are each unique within a township; the first clash is named. */
export async function assertVillageUnique(
  tx: Prisma.TransactionClient, townshipId: string, wanted: { code?: string; name?: string }, exceptId?: string,
): Promise<void> {
  for (const field of ["code", "name"] as const) {
    const value = wanted[field];
    if (value === undefined) continue;
    const clash = await tx.village.findFirst({
      where: { townshipId, [field]: value, ...(exceptId ? { NOT: { id: exceptId } } : {}) }, select: { id: true },
    });
    if (clash) throw villageConflict(field);
  }
}
