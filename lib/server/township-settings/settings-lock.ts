import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

// A township's settings and its maintained score rows (HouseholdScore) go together: a settings
// change and the re-weighing of the rows hold this lock exclusively, every refresh of households'
// rows holds it shared, until their transactions end. So a refresh never reads the versions
// before a change commits and then writes its rows after the change re-weighed them (rows under
// a superseded version), and the two never wait for each other's row locks in opposite orders.
// An advisory lock, not the Township row's: a row lock would block every audited write of the
// township (their foreign keys take a share lock on it). Taken after any chain lock, never
// before: a refresh waits for it while holding its chains, so a transaction holding it must not
// then wait for a chain.

const key = (townshipId: string) => `township-settings:${townshipId}`;

export async function lockTownshipSettings(tx: Tx, townshipId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key(townshipId)}))`;
}

/** In township id order, so that refreshes queued behind changes of several townships never deadlock. */
export async function shareTownshipSettingsLocks(tx: Tx, townshipIds: readonly string[]): Promise<void> {
  for (const townshipId of [...new Set(townshipIds)].sort()) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(hashtext(${key(townshipId)}))`;
  }
}
