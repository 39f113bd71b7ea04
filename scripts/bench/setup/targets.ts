import type pg from "pg";
import { chinaToday, dayToDate } from "@/lib/domain/entry-date";
import { quarterOf } from "@/lib/domain/quarter";

// What the benchmark reads and writes, chosen by asking the database, so that it runs on the
// demo seed and on a generated prefecture alike: the township of the official account, its
// village with the most households, a clerk of that village, the household there with the
// most entries, a household account of that village, and search terms taken from real rows.

export type Targets = {
  township: { id: string; code: string };
  village: { id: string; code: string; households: number };
  official: { id: string; username: string };
  clerk: { id: string; username: string; homeHouseholdId: string | null };
  household: { id: string; archiveNo: string; headName: string; headInitials: string; entries: number };
  householdAccount: { id: string; username: string; householdId: string };
  search: { name: string; initials: string; suffix: string };
  quarter: string;
  year: number;
};

async function one<T extends pg.QueryResultRow>(db: pg.Pool, what: string, sql: string, params: unknown[] = []): Promise<T> {
  const { rows } = await db.query<T>(sql, params);
  if (!rows[0]) throw new Error(`No ${what} in this database: seed it first (npm run db:seed, npm run bench:data)`);
  return rows[0];
}

export async function pickTargets(db: pg.Pool, now = new Date()): Promise<Targets> {
  const official = await one<{ id: string; username: string; townshipId: string; code: string }>(db, "township official", `
    SELECT a."id", a."username", t."id" AS "townshipId", t."code" FROM "Account" a JOIN "Township" t ON t."id" = a."townshipId"
    WHERE a."role" = 'TOWNSHIP_OFFICIAL' AND a."active" AND NOT a."mustChangePassword"
    ORDER BY a."username" = 'official' DESC, t."code", a."username" LIMIT 1`);
  const village = await one<{ id: string; code: string; households: number }>(db, "village with a clerk", `
    SELECT v."id", v."code", count(*)::int AS "households" FROM "Village" v JOIN "Household" h ON h."villageId" = v."id"
    WHERE v."townshipId" = $1 AND v."active" AND h."status" = 'ACTIVE'
      AND EXISTS (SELECT 1 FROM "Account" a WHERE a."villageId" = v."id" AND a."role" = 'CLERK' AND a."active")
    GROUP BY v."id" ORDER BY count(*) DESC, v."code" LIMIT 1`, [official.townshipId]);
  const clerk = await one<Targets["clerk"]>(db, "clerk", `
    SELECT "id", "username", "homeHouseholdId" FROM "Account"
    WHERE "villageId" = $1 AND "role" = 'CLERK' AND "active" AND NOT "mustChangePassword" ORDER BY "username" LIMIT 1`, [village.id]);
  const household = await one<Targets["household"]>(db, "household", `
    SELECT h."id", h."archiveNo", h."headName", h."headInitials", count(e."id")::int AS "entries"
    FROM "Household" h LEFT JOIN "Entry" e ON e."householdId" = h."id"
    WHERE h."villageId" = $1 AND h."status" = 'ACTIVE' AND h."id" IS DISTINCT FROM $2
    GROUP BY h."id" ORDER BY count(e."id") DESC, h."archiveNo" LIMIT 1`, [village.id, clerk.homeHouseholdId]);
  const householdAccount = await one<Targets["householdAccount"]>(db, "household account", `
    SELECT a."id", a."username", a."householdId" FROM "Account" a JOIN "Household" h ON h."id" = a."householdId"
    WHERE h."villageId" = $1 AND h."status" = 'ACTIVE' AND a."role" = 'HOUSEHOLD' AND a."active" AND NOT a."mustChangePassword"
    ORDER BY (SELECT count(*) FROM "Entry" e WHERE e."householdId" = h."id") DESC, a."username" LIMIT 1`, [village.id]);
  // A door number from the middle of the village: three digits or more, as most are.
  const { archiveNo: doorNumber } = await one<{ archiveNo: string }>(db, "household", `
    SELECT "archiveNo" FROM "Household" WHERE "villageId" = $1 ORDER BY "archiveNo" OFFSET $2 LIMIT 1`, [village.id, Math.floor(village.households / 2)]);
  const current = quarterOf(dayToDate(chinaToday(now)));
  // The latest quarter that has ended, with entries in the village: the list a clerk checks before the review.
  const quarter = await one<{ year: number; quarter: number }>(db, "quarter with entries", `
    SELECT "year", "quarter" FROM "Entry" WHERE "villageId" = $1 AND ("year" * 4 + "quarter") < $2
    GROUP BY "year", "quarter" ORDER BY "year" DESC, "quarter" DESC LIMIT 1`, [village.id, current.year * 4 + current.quarter]);
  return {
    township: { id: official.townshipId, code: official.code },
    village, official: { id: official.id, username: official.username }, clerk, household, householdAccount,
    search: {
      // What a clerk types: the first two characters of a name, the head's initials, a number on a door.
      name: [...household.headName].slice(0, 2).join(""),
      initials: household.headInitials,
      suffix: String(Number(doorNumber.split("-").at(-1))),
    },
    quarter: `${quarter.year}Q${quarter.quarter}`,
    year: current.year,
  };
}

/** An administrator who may sign in (the demo township's `admin` in generated data), or null. */
export async function pickAdmin(db: pg.Pool): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(`SELECT "id" FROM "Account"
    WHERE "role" = 'ADMIN' AND "active" AND NOT "mustChangePassword" ORDER BY "username" = 'admin' DESC, "username" LIMIT 1`);
  return rows[0]?.id ?? null;
}
