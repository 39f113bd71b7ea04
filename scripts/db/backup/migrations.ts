import { matchesChecksum } from "@/lib/server/migration-state";
import { MIGRATIONS_DIR, readMigrationList } from "../schema-engine";
import type { Migration } from "./catalogue";

/**
 * Checks that prisma/migrations begins with exactly the backup's migrations (same names, same
 * checksums), so that a restore can rebuild the schema the backup was taken with; returns the
 * names of the later ones, which `npm run db:migrate` applies to the restored data afterwards.
 */
export async function migrationsAfter(backup: Migration[], migrationsDir = MIGRATIONS_DIR): Promise<string[]> {
  const local = (await readMigrationList(migrationsDir)).migrationDirectories;
  backup.forEach((migration, i) => {
    const here = local[i];
    if (here?.path !== migration.name) {
      throw new Error(`The backup was taken with migration ${migration.name}, which prisma/migrations does not have `
        + `${here ? `(it has ${here.path} in its place)` : "(it has fewer migrations)"}: restore it with the version of the app that took it, or a later one.`);
    }
    const content = here.migrationFile.content;
    if (content.tag !== "ok" || !matchesChecksum(content.value, migration.checksum)) {
      throw new Error(`prisma/migrations/${migration.name}/migration.sql differs from the migration the backup was taken with (checksum): restore it with the version of the app that took it.`);
    }
  });
  return local.slice(backup.length).map((m) => m.path);
}
