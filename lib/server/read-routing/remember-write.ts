import "server-only";
import type { AuthenticatedActor } from "@/lib/server/auth/resolve-actor";
import { primaryClient } from "@/lib/server/db";
import { replicaSet } from "./replica-set";

/**
 * After a write committed: notes on the account how far the primary's WAL had got, so that the
 * writer's lag-tolerant reads wait for a replica that has replayed it (lag-tolerant-reads.ts).
 * Taken after the COMMIT, the position covers the commit record, which one taken inside the
 * transaction would not (the insert position: also under synchronous_commit = off). A plain SET,
 * not the greater of old and new: positions of another server (a restored backup) must not stick;
 * two writes of one account take the row's lock in turn, so the later note is the higher. The note is routing bookkeeping, not archive data, hence outside the
 * write's transaction and its audit record; it is kept on the account (not in a cookie) so that
 * every app instance and API tokens see it too. Without replicas there is nothing to note.
 */
export async function rememberWrite(actor: AuthenticatedActor): Promise<void> {
  if (!replicaSet()) return;
  try {
    const [row] = await primaryClient().$queryRaw<{ lsn: bigint }[]>`
      UPDATE "Account" SET "lastWriteLsn" = (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::bigint
      WHERE id = ${actor.id}::uuid RETURNING "lastWriteLsn" AS lsn`;
    // The same request may render a page after the write (a Server Action): it reads with this actor.
    if (row) actor.lastWriteLsn = row.lsn;
  } catch (error) {
    // The write stands; answering it with an error would have the client send it again. Until
    // the note is made, this account's reports may come from a replica without its write.
    console.error("Could not note the account's last write for read routing:", error instanceof Error ? error.message : error);
  }
}
