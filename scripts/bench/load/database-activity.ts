import type pg from "pg";

// What a database did while an operation was timed, from its own counters (pg_stat_database):
// on a hot standby they count the queries it answered, which shows that a replica really served.
// A backend hands its counts over at most once a second, and a second or so after it goes idle:
// a delta taken right after a run may miss the run's last second and hold the previous run's.

export type Activity = { transactions: number; tuplesReturned: number; tuplesFetched: number; blocksRead: number; blocksHit: number };

export async function readActivity(db: pg.Pool): Promise<Activity> {
  const client = await db.connect();
  try {
    await client.query("SELECT pg_stat_clear_snapshot()");
    const { rows } = await client.query<Record<keyof Activity, string>>(`SELECT
      xact_commit + xact_rollback AS "transactions", tup_returned AS "tuplesReturned", tup_fetched AS "tuplesFetched",
      blks_read AS "blocksRead", blks_hit AS "blocksHit"
      FROM pg_stat_database WHERE datname = current_database()`);
    const row = rows[0]!;
    return {
      transactions: Number(row.transactions), tuplesReturned: Number(row.tuplesReturned), tuplesFetched: Number(row.tuplesFetched),
      blocksRead: Number(row.blocksRead), blocksHit: Number(row.blocksHit),
    };
  } finally {
    client.release();
  }
}

export function activityBetween(before: Activity, after: Activity): Activity {
  return {
    transactions: after.transactions - before.transactions, tuplesReturned: after.tuplesReturned - before.tuplesReturned,
    tuplesFetched: after.tuplesFetched - before.tuplesFetched, blocksRead: after.blocksRead - before.blocksRead,
    blocksHit: after.blocksHit - before.blocksHit,
  };
}

/** The primary's and the replica's activity over one stretch of time. */
export function watchActivity(servers: { primary: pg.Pool; replica: pg.Pool }) {
  const read = async () => ({ primary: await readActivity(servers.primary), replica: await readActivity(servers.replica) });
  return async () => {
    const before = await read();
    return async () => {
      const after = await read();
      return { primary: activityBetween(before.primary, after.primary), replica: activityBetween(before.replica, after.replica) };
    };
  };
}
