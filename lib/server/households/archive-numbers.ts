import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/server/errors";

// Archive numbers are "<township code>-<village code>-<5-digit serial>" (JS-XH-00012), unique in
// the installation and never reused: the next serial follows the highest one the village has.
export const SERIAL_DIGITS = 5;
const MAX_SERIAL = 10 ** SERIAL_DIGITS - 1;

export const archivePrefix = (townshipCode: string, villageCode: string) => `${townshipCode}-${villageCode}-`;
export const formatArchiveNo = (prefix: string, serial: number) => `${prefix}${String(serial).padStart(SERIAL_DIGITS, "0")}`;

/** The serial of an archive number of this village, or null when it is not one. */
export function serialOf(prefix: string, archiveNo: string): number | null {
  if (!archiveNo.startsWith(prefix)) return null;
  const serial = archiveNo.slice(prefix.length);
  return new RegExp(`^\\d{${SERIAL_DIGITS}}$`).test(serial) && Number(serial) > 0 ? Number(serial) : null;
}

export type VillageNumbering = { id: string; townshipId: string; active: boolean; prefix: string; lastSerial: number };

/**
 * Locks the village row for the rest of the transaction, so that two clerks adding households
 * at the same moment are numbered one after the other, and returns its highest serial so far.
 */
export async function lockVillageNumbering(tx: Prisma.TransactionClient, villageId: string): Promise<VillageNumbering | null> {
  const [village] = await tx.$queryRaw<{ id: string; townshipId: string; active: boolean; code: string; townshipCode: string }[]>`
    SELECT v.id, v."townshipId", v.active, v.code, t.code AS "townshipCode"
    FROM "Village" v JOIN "Township" t ON t.id = v."townshipId"
    WHERE v.id = ${villageId}::uuid FOR UPDATE OF v`;
  if (!village) return null;
  const prefix = archivePrefix(village.townshipCode, village.code);
  // Codes are capital letters and digits, so the prefix needs no escaping in the pattern.
  const [last] = await tx.$queryRaw<{ serial: number | null }[]>`
    SELECT max(right("archiveNo", ${SERIAL_DIGITS})::int) AS serial FROM "Household"
    WHERE "villageId" = ${villageId}::uuid AND "archiveNo" ~ ${`^${prefix}[0-9]{${SERIAL_DIGITS}}$`}`;
  return { id: village.id, townshipId: village.townshipId, active: village.active, prefix, lastSerial: last?.serial ?? 0 };
}

export function assertSerialAvailable(serial: number): void {
  if (serial > MAX_SERIAL) throw new AppError("RULE_VIOLATION", "errors.archiveNumbersExhausted");
}
