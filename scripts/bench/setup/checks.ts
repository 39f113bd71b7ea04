import type pg from "pg";
import type { Operation } from "./operations";

// What makes the numbers mean what the table says: the floor fetches what the app shows, and the
// extracts the public check is timed on are issued and valid.

export async function floorIds(db: pg.Pool, op: Operation): Promise<string[]> {
  const { rows } = await db.query(op.floor!.sql, op.floor!.params);
  return op.floor!.ids(rows);
}

/** The floor must fetch what the app shows: the same ids in the same order, or the run stops. */
export async function checkFloor(url: string, db: pg.Pool, op: Operation): Promise<void> {
  const request = op.load.next();
  const answer = await fetch(url + request.path, { headers: request.headers });
  if (!answer.ok) throw new Error(`${op.key} ${op.name}: the app answered ${answer.status}`);
  const [shown, fetched] = [await op.shown!(answer), await floorIds(db, op)];
  if (fetched.length === 0) throw new Error(`${op.key} ${op.name}: no rows; pick targets with data`);
  if (JSON.stringify(shown) !== JSON.stringify(fetched)) {
    throw new Error(`${op.key} ${op.name}: the floor's rows differ from the app's\napp:   ${shown.join(",")}\nfloor: ${fetched.join(",")}`);
  }
}

/** A verification that answers 200 but "not authentic" would time the wrong path. */
export async function checkVerification(url: string, op: Operation): Promise<void> {
  const request = op.load.next();
  const answer = await fetch(url + request.path, { headers: request.headers });
  const body = (await answer.json()) as { valid?: boolean };
  if (!answer.ok || body.valid !== true) throw new Error(`${op.key} ${op.name}: ${answer.status} ${JSON.stringify(body).slice(0, 300)}`);
}

export async function issuedCodes(db: pg.Pool, ids: string[]): Promise<string[]> {
  const { rows } = await db.query<{ code: string }>(`SELECT "code" FROM "ArchiveExtract" WHERE "id" = ANY($1::uuid[]) AND "status" = 'ISSUED'`, [ids]);
  if (!rows.length) throw new Error("no extract was issued: nothing to verify");
  return rows.map((r) => r.code);
}
