import "server-only";
import { db } from "@/lib/server/db";
import { readMigrationState, type MigrationState } from "@/lib/server/migration-state";
import { replicaSet, type ReplicaStatus } from "@/lib/server/read-routing/replica-set";

export type Health = {
  ok: boolean;
  database: { reachable: boolean; error?: string };
  migrations: MigrationState | null;
  /**
   * With DATABASE_REPLICA_URLS: each replica's lag as this instance last measured it. A replica
   * that is down or behind does not make the instance unhealthy: its reads go to the primary.
   */
  replicas?: ReplicaStatus[];
};

export async function checkHealth(): Promise<Health> {
  const replicas = replicaSet()?.status();
  try {
    await db.$queryRaw`SELECT 1`;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, database: { reachable: false, error: message }, migrations: null, ...(replicas ? { replicas } : {}) };
  }
  const migrations = await readMigrationState(db);
  return { ok: migrations.ok, database: { reachable: true }, migrations, ...(replicas ? { replicas } : {}) };
}
