import type pg from "pg";
import type { Credentials } from "./credentials";
import type { Targets } from "./targets";

// What the writes need, made the way a user would: the rule comes from the village's rules in
// force (the clerk's API), the extracts to issue are asked for by the household itself.

export type PreparedWrites = { householdIds: string[]; redRuleId: string; requestedExtracts: string[]; issuedCodes: string[] };

export async function prepareWrites(url: string, db: pg.Pool, t: Targets, c: Credentials, extracts: number): Promise<PreparedWrites> {
  // Recusal: a clerk never records for the household he lives in.
  const { rows } = await db.query<{ id: string }>(
    `SELECT "id" FROM "Household" WHERE "villageId" = $1 AND "status" = 'ACTIVE' AND "id" IS DISTINCT FROM $2 ORDER BY "archiveNo"`,
    [t.village.id, t.clerk.homeHouseholdId]);
  const rules = await call<{ items: { id: string; category: string }[] }>(url, "GET", `/api/v1/villages/${t.village.id}/rules?pageSize=100`, c.clerk.api);
  const red = rules.items.find((rule) => rule.category === "RED");
  if (!red) throw new Error(`village ${t.village.code} has no red rule in force today`);
  const requestedExtracts: string[] = [];
  for (let i = 0; i < extracts; i++) {
    const extract = await call<{ id: string }>(url, "POST", `/api/v1/households/${t.householdAccount.householdId}/extracts`, c.household, { purpose: "SCHOOL_ADMISSION" });
    requestedExtracts.push(extract.id);
  }
  return { householdIds: rows.map((r) => r.id), redRuleId: red.id, requestedExtracts, issuedCodes: [] };
}

async function call<T>(url: string, method: "GET" | "POST", path: string, headers: Record<string, string>, body?: unknown): Promise<T> {
  const answer = await fetch(url + path, {
    // A write signed in by cookie must name the app's own origin, as the app's pages do.
    method, headers: { ...headers, ...(body ? { "content-type": "application/json", origin: url } : {}) }, body: body ? JSON.stringify(body) : null,
  });
  if (!answer.ok) throw new Error(`${method} ${path}: ${answer.status} ${await answer.text()}`);
  return (await answer.json()) as T;
}
