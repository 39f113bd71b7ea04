import { randomUUID } from "node:crypto";
import type { Amount, HttpLoad, HttpRequest } from "../load/measure";
import type { Credentials } from "./credentials";
import {
  archiveFloor, initialsSearchFloor, nameSearchFloor, overviewFloor, suffixSearchFloor, townshipRankingFloor,
  villageEntriesFloor, villageRankingFloor, type Floor,
} from "./floors";
import type { Targets } from "./targets";

// The operations of issue 11, point 2, as requests against the running server. A read has a
// floor (floors.ts) and a check that the app's answer holds the floor's rows.

export type Operation = {
  key: string;
  /** The operation's number in the issue's list. */
  issueOp: number;
  name: string;
  load: HttpLoad;
  amount: (concurrency: number) => Amount;
  floor?: Floor;
  /** The ids (or names) the app shows, to compare with the floor's. */
  shown?: (answer: Response) => Promise<string[]>;
};

export type Prepared = {
  targets: Targets;
  credentials: Credentials;
  /** Active households of the village the clerk may record for (not his own). */
  householdIds: string[];
  redRuleId: string;
  today: string;
  /** Requested extracts, each issued once. */
  requestedExtracts: string[];
  /** Filled as extracts are issued: the codes the public check is asked about. */
  issuedCodes: string[];
};

const json = async (answer: Response) => (await answer.json()) as Record<string, unknown>;
const itemIds = (field: string) => async (answer: Response) =>
  ((await json(answer)).items as Record<string, unknown>[]).map((item) => String(item[field]));
/** A page shows each of the floor's names (the overview has no API: it is read as the page). */
const namesOnPage = (names: () => string[]) => async (answer: Response) => {
  const html = await answer.text();
  return names().filter((name) => html.includes(name));
};

function cycle<T>(list: T[]): () => T {
  let at = 0;
  return () => list[at++ % list.length]!;
}

export function buildOperations(url: string, p: Prepared, seconds: number, floorNames: () => string[]): Operation[] {
  const { targets: t, credentials: c } = p;
  const get = (path: string, headers: Record<string, string>): HttpLoad => ({ url, next: () => ({ path, headers }) });
  const timed = () => ({ seconds });
  const q = (text: string) => encodeURIComponent(text);
  const search = (text: string) => get(`/api/v1/households?villageId=${t.village.id}&q=${q(text)}`, c.clerk.api);
  const nextHousehold = cycle(p.householdIds);
  const nextExtract = cycle(p.requestedExtracts);
  const nextCode = cycle(p.issuedCodes);
  let client = 0;

  return [
    // Not an operation of the issue: the least a request through the production server costs
    // (a database round trip and the migration state), to read the others against.
    { key: "0", issueOp: 0, name: "health check (HTTP baseline)", load: get("/api/health", {}), amount: timed },
    { key: "1a", issueOp: 1, name: "household archive (API, clerk)", load: get(`/api/v1/households/${t.household.id}/archive`, c.clerk.api),
      amount: timed, floor: archiveFloor(t), shown: async (a) => ((await json(a)).entries as { id: string }[]).map((e) => e.id) },
    { key: "1b", issueOp: 1, name: "household archive (page, clerk)", load: get(`/households/${t.household.id}`, c.clerk.page),
      amount: timed, floor: archiveFloor(t) },
    { key: "1c", issueOp: 1, name: "own archive (page, household)", load: get(`/households/${t.householdAccount.householdId}`, c.household),
      amount: timed },
    { key: "2a", issueOp: 2, name: `search by name "${t.search.name}"`, load: search(t.search.name),
      amount: timed, floor: nameSearchFloor(t), shown: itemIds("id") },
    { key: "2b", issueOp: 2, name: `search by initials "${t.search.initials}"`, load: search(t.search.initials),
      amount: timed, floor: initialsSearchFloor(t), shown: itemIds("id") },
    { key: "2c", issueOp: 2, name: `search by number "${t.search.suffix}"`, load: search(t.search.suffix),
      amount: timed, floor: suffixSearchFloor(t), shown: itemIds("id") },
    { key: "3a", issueOp: 3, name: `township ranking ${t.year}, top 50`, load: get(`/api/v1/township/rankings?year=${t.year}&pageSize=50`, c.official.api),
      amount: timed, floor: townshipRankingFloor(t), shown: itemIds("householdId") },
    { key: "3b", issueOp: 3, name: `village ranking ${t.year}`, load: get(`/api/v1/township/rankings?year=${t.year}&villageId=${t.village.id}&pageSize=50`, c.official.api),
      amount: timed, floor: villageRankingFloor(t), shown: itemIds("householdId") },
    { key: "4a", issueOp: 4, name: "township overview (page)", load: get("/township", c.official.page),
      amount: timed, floor: overviewFloor(t), shown: namesOnPage(floorNames) },
    { key: "4b", issueOp: 4, name: "township dashboard (API)", load: get("/api/v1/township/dashboard", c.official.api), amount: timed },
    { key: "5", issueOp: 5, name: `village entries ${t.quarter}, page 1`, load: get(`/api/v1/villages/${t.village.id}/entries?quarter=${t.quarter}`, c.clerk.api),
      amount: timed, floor: villageEntriesFloor(t), shown: itemIds("id") },
    { key: "6", issueOp: 6, name: "record an entry (API)", amount: timed, load: { url, next: (): HttpRequest => ({
      method: "POST", path: "/api/v1/entries",
      headers: { ...c.clerk.api, "content-type": "application/json", "idempotency-key": randomUUID() },
      body: JSON.stringify({ householdId: nextHousehold(), ruleId: p.redRuleId, occurredOn: p.today, description: "基准测试：清扫公共区域一天" }),
    }) } },
    { key: "8a", issueOp: 8, name: "issue an extract (API, official)",
      amount: (n) => ({ requests: extractsToIssue(seconds, n) }),
      load: { url, next: () => ({ method: "POST", path: `/api/v1/extracts/${nextExtract()}/issue`, headers: c.official.api }) } },
    { key: "8b", issueOp: 8, name: "verify an extract (public API)", amount: timed,
      // Each request from a client network of its own (documentation addresses, carried by the
      // trusted loopback proxy): the per-address limit is part of the cost, not a wall.
      load: { url, next: () => ({ path: `/api/v1/public/extracts/${nextCode()}`, headers: { "x-forwarded-for": `2001:db8:${(client++ % 65535).toString(16)}::1` } }) } },
  ];
}

/** Issuing uses up a requested extract per request: a fixed number, prepared beforehand. */
export const extractsToIssue = (seconds: number, concurrency: number) => Math.max(10, Math.round(seconds * (concurrency === 1 ? 3 : 8)));
