import "server-only";
import { db } from "@/lib/server/db";
import { readMigrationState, type MigrationState } from "@/lib/server/migration-state";

export type Health = {
  ok: boolean;
  database: { reachable: boolean; error?: string };
  migrations: MigrationState | null;
};

export async function checkHealth(): Promise<Health> {
  try {
    await db.$queryRaw`SELECT 1`;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, database: { reachable: false, error: message }, migrations: null };
  }
  const migrations = await readMigrationState(db);
  return { ok: migrations.ok, database: { reachable: true }, migrations };
}
