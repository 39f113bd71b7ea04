import { randomUUID } from "node:crypto";
import { chinaToday } from "@/lib/domain/entry-date";
import { tokenClient, sessionClient, type ApiAnswer, type AppClient } from "./http-client";

// The load of issue 12: clients recording entries (some retrying with the same idempotency key,
// some sending the same request twice at once, several on the same households), voiding them,
// requesting rectifications of yellow ones and voting in quarterly reviews, all at once. Every
// request is retried with the very same body until the app answers it (a killed app, a database
// restarting), so every write a client started ends acknowledged, and the ledger says which.

export type Ledger = {
  /** Starts the description of every entry this run records, to tell them from earlier runs'. */
  tag: string;
  requests: number;
  /** Sends of a request already sent: after no answer or a 503, and the deliberate retries. */
  retries: number;
  statuses: Map<number, number>;
  /** Answers the app must never give: 5xx outside an outage, errors not in the JSON format, refused valid writes. */
  unexpected: string[];
  /** 503 answers in the JSON error format while the database was down. */
  unavailable: number;
  /** Requests the app did not answer (killed, restarting); each was sent again. */
  unanswered: number;
  /** Idempotency key → the entry the app acknowledged for it. */
  entries: Map<string, string>;
  voided: Set<string>;
  rectifications: Set<string>;
  /** `${reviewId} ${representativeId}` */
  ballots: Set<string>;
  /** Sends of one request before it counts as failed: unlimited here, "one retry" (2) in the cluster test. */
  maxSends: number;
};

export const newLedger = ({ maxSends = Infinity } = {}): Ledger => ({
  tag: `可靠性测试 ${randomUUID().slice(0, 8)}`, requests: 0, retries: 0, statuses: new Map(), unexpected: [], unavailable: 0, unanswered: 0,
  entries: new Map(), voided: new Set(), rectifications: new Set(), ballots: new Set(), maxSends,
});

export type Village = {
  id: string; code: string; clerk: AppClient; clerkId: string;
  /** A few households per village, so that clients race on the same hash chains. */
  householdIds: string[];
  redRuleId: string; yellowRuleId: string;
  recorded: string[]; yellows: string[];
};

export type Review = { id: string; voters: { client: AppClient; representativeId: string }[] };

export type Workload = { villages: Village[]; reviews: Review[] };

const GIVE_UP_MS = 120_000;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)]!;
const isErrorFormat = (a: ApiAnswer) =>
  typeof a.body?.error?.code === "string" && a.body.error.code !== "" && typeof a.body.error.message === "string" && a.body.error.message !== "";

/**
 * Sends a request until the app answers it with anything but a 503 (or ledger.maxSends times): a
 * network error (the app was killed) or a 503 (the database is down) is retried with the same
 * body after a pause.
 * `outage()`, asked when a 503 arrives, says whether the database is down (a 503 is expected then,
 * and a failure at any other time).
 */
export async function send(
  ledger: Ledger, client: AppClient, method: string, path: string, options: { body?: unknown; headers?: Record<string, string> }, outage: () => boolean,
): Promise<ApiAnswer> {
  const giveUp = Date.now() + GIVE_UP_MS;
  for (let attempt = 0; ; attempt++) {
    if (attempt > 0) ledger.retries++;
    ledger.requests++;
    let answer: ApiAnswer | null = null;
    try {
      answer = await client.call(method, path, options);
    } catch {
      ledger.unanswered++;
    }
    // A load balancer's own 502/504 (not the app's JSON): no instance answered, as if the
    // connection had failed (the cluster test, when an instance is killed mid-request).
    if (answer && [502, 504].includes(answer.status) && !isErrorFormat(answer)) {
      ledger.statuses.set(answer.status, (ledger.statuses.get(answer.status) ?? 0) + 1);
      ledger.unanswered++;
      answer = null;
    }
    if (answer) {
      ledger.statuses.set(answer.status, (ledger.statuses.get(answer.status) ?? 0) + 1);
      if (answer.status >= 400 && !isErrorFormat(answer)) ledger.unexpected.push(`${method} ${path}: ${answer.status} not in the error format: ${JSON.stringify(answer.body).slice(0, 200)}`);
      if (answer.status === 503 && outage()) ledger.unavailable++;
      else if (answer.status >= 500) ledger.unexpected.push(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
      if (answer.status !== 503 && answer.status < 500) return answer;
    }
    if (attempt + 1 >= ledger.maxSends) {
      ledger.unexpected.push(`${method} ${path}: failed ${ledger.maxSends} sends (last: ${answer?.status ?? "no answer"})`);
      return answer ?? { status: 0, body: null, headers: new Headers() };
    }
    if (Date.now() > giveUp) throw new Error(`${method} ${path}: no answer within ${GIVE_UP_MS / 1000} s`);
    await sleep(250);
  }
}

/** Signs the clients in and picks their targets, through the API as the pages would. */
export async function prepareWorkload(baseUrl: string, villageCodes: string[], reviewVoters: number): Promise<Workload> {
  const admin = await tokenClient(baseUrl, "admin");
  const villageList = (await admin.call("GET", "/api/v1/villages?pageSize=100")).body.items as { id: string; code: string }[];
  const today = chinaToday(new Date());
  const villages: Village[] = [];
  for (const code of villageCodes) {
    const village = villageList.find((v) => v.code === code);
    if (!village) throw new Error(`no village ${code}`);
    const username = (await admin.call("GET", `/api/v1/accounts?role=CLERK&villageId=${village.id}&pageSize=1`)).body.items[0].username as string;
    const clerk = await tokenClient(baseUrl, username);
    const me = (await clerk.call("GET", "/api/v1/me")).body;
    const households = (await clerk.call("GET", `/api/v1/households?villageId=${village.id}&status=ACTIVE&pageSize=20`)).body.items as { id: string }[];
    const rules = (await clerk.call("GET", `/api/v1/villages/${village.id}/rules?date=${today}&pageSize=100`)).body.items as { id: string; category: string }[];
    const rule = (category: string) => rules.find((r) => r.category === category)?.id ?? raise(`no ${category} rule in ${code}`);
    villages.push({
      id: village.id, code, clerk, clerkId: me.id,
      householdIds: households.map((h) => h.id).filter((id) => id !== me.homeHouseholdId).slice(0, 6),
      redRuleId: rule("RED"), yellowRuleId: rule("YELLOW"), recorded: [], yellows: [],
    });
  }
  // The load's villages' open reviews; a village without one opens the review of an ended quarter if it has one.
  const reviews: Review[] = [];
  for (const village of villages) {
    const list = async () => ((await village.clerk.call("GET", `/api/v1/villages/${village.id}/reviews`)).body.items as { id: string; status: string }[])
      .filter((r) => r.status === "OPEN");
    let open = await list();
    if (!open.length) {
      const quarters = (await village.clerk.call("GET", `/api/v1/villages/${village.id}/reviews/quarters`)).body.items as { year: number; quarter: number }[];
      if (quarters[0]) await village.clerk.call("POST", `/api/v1/villages/${village.id}/reviews`, { body: { year: quarters[0].year, quarter: quarters[0].quarter } });
      open = await list();
    }
    const representatives = (await admin.call("GET", `/api/v1/accounts?role=REPRESENTATIVE&villageId=${village.id}&pageSize=100`)).body.items as { id: string; username: string }[];
    for (const review of open) {
      const detail = (await village.clerk.call("GET", `/api/v1/reviews/${review.id}`)).body;
      const voters = [];
      for (const member of detail.rosterMembers as { id: string; ballotCastAt: string | null }[]) {
        const username = representatives.find((r) => r.id === member.id)?.username;
        if (username && !member.ballotCastAt) voters.push({ client: await sessionClient(baseUrl, username), representativeId: member.id });
      }
      if (voters.length) reviews.push({ id: review.id, voters });
    }
  }
  if (reviewVoters > 0 && !reviews.length) throw new Error("no open review with representatives left to vote");
  return { villages, reviews };
}

const raise = (message: string): never => {
  throw new Error(message);
};

/** One recording: alone, sent twice at once, or sent again after its answer; all answers must name one entry. */
async function recordOne(ledger: Ledger, village: Village, client: AppClient, outage: () => boolean): Promise<void> {
  const key = randomUUID();
  const yellow = Math.random() < 0.3;
  const body = {
    idempotencyKey: key, householdId: pick(village.householdIds), ruleId: yellow ? village.yellowRuleId : village.redRuleId,
    occurredOn: chinaToday(new Date()), description: `${ledger.tag}：${yellow ? "乱堆柴草" : "帮助邻居"}`,
  };
  const post = () => send(ledger, client, "POST", "/api/v1/entries", { body }, outage);
  const roll = Math.random();
  const answers = roll < 0.7 ? [await post()] : roll < 0.85 ? await Promise.all([post(), post()]) : [await post(), await post()];
  if (roll >= 0.7) ledger.retries++; // the deliberate second send
  const ids = new Set(answers.map((a) => a.body?.id));
  if (answers.some((a) => a.status !== 201) || ids.size !== 1) {
    ledger.unexpected.push(`recording ${key}: ${answers.map((a) => `${a.status} ${a.body?.id ?? JSON.stringify(a.body).slice(0, 200)}`).join(" / ")}`);
    return;
  }
  const id = [...ids][0] as string;
  ledger.entries.set(key, id);
  village.recorded.push(id);
  if (yellow) village.yellows.push(id);
}

async function voidOne(ledger: Ledger, village: Village, client: AppClient, outage: () => boolean): Promise<void> {
  if (!village.recorded.length) return sleep(50);
  const id = pick(village.recorded.slice(-50));
  const answer = await send(ledger, client, "POST", `/api/v1/entries/${id}/void`, { body: { reason: "可靠性测试：录入有误" } }, outage);
  if (answer.status === 200) ledger.voided.add(id);
  else if (![409, 422].includes(answer.status)) ledger.unexpected.push(`void ${id}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
}

async function requestRectificationOne(ledger: Ledger, village: Village, client: AppClient, outage: () => boolean): Promise<void> {
  if (!village.yellows.length) return sleep(50);
  const id = pick(village.yellows.slice(-30));
  const answer = await send(ledger, client, "POST", `/api/v1/entries/${id}/rectifications`, { body: { note: "可靠性测试：已清理干净" } }, outage);
  if (answer.status === 201) ledger.rectifications.add(answer.body.id);
  else if (![409, 422].includes(answer.status)) ledger.unexpected.push(`rectification ${id}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
}

/** A representative's ballot (a second send is refused 409), then reading the review like the page does. */
async function voteOrRead(ledger: Ledger, review: Review, voter: Review["voters"][number], outage: () => boolean): Promise<void> {
  const cast = `${review.id} ${voter.representativeId}`;
  if (!ledger.ballots.has(cast)) {
    const answer = await send(ledger, voter.client, "POST", `/api/v1/reviews/${review.id}/ballots`, { body: { defaultDecision: "APPROVE" } }, outage);
    if (answer.status === 201) ledger.ballots.add(cast);
    else if (answer.status === 409) ledger.ballots.add(cast); // cast by an earlier send whose answer was lost, or a racing client
    else ledger.unexpected.push(`ballot ${cast}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
    return;
  }
  const read = await send(ledger, voter.client, "GET", `/api/v1/reviews/${review.id}`, {}, outage);
  if (read.status !== 200) ledger.unexpected.push(`read review ${review.id}: ${read.status}`);
}

/**
 * Runs `clients` clients until `until()` (epoch ms; asked again after each step, so that a crash
 * test can keep the load on until the database is back): per village, recorders, a voider and a
 * rectification requester on the clerk's token; the rest vote in the open reviews.
 */
export async function runWorkload(ledger: Ledger, work: Workload, clients: number, until: () => number, outage: () => boolean): Promise<void> {
  const loops: (() => Promise<void>)[] = [];
  const voters = work.reviews.flatMap((review) => review.voters.map((voter) => () => voteOrRead(ledger, review, voter, outage)));
  const perVillage = work.villages.map((village) => ({
    record: () => recordOne(ledger, village, village.clerk, outage),
    void: () => voidOne(ledger, village, village.clerk, outage),
    rectify: () => requestRectificationOne(ledger, village, village.clerk, outage),
  }));
  // A quarter of the clients vote (two per representative: they race on the same ballot), the rest write.
  const votingClients = Math.min(Math.floor(clients / 4), voters.length * 2);
  for (let i = 0; i < votingClients; i++) loops.push(voters[i % voters.length]!);
  for (let i = 0; loops.length < clients; i++) {
    const village = perVillage[i % perVillage.length]!;
    const round = Math.floor(i / perVillage.length);
    loops.push(round === 1 ? village.void : round === 2 ? village.rectify : village.record);
  }
  await Promise.all(loops.map(async (step) => {
    while (Date.now() < until()) await step();
  }));
}
