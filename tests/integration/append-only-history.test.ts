import { appDatabaseUrl } from "../helpers/app-database";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordTownshipDigest } from "@/lib/server/chain/record-township-digest";
import { db } from "@/lib/server/db";
import { callApi } from "../helpers/api-client";
import { recordEntry } from "../helpers/archive-fixtures";

// The database refuses rewrites of history itself (migration append_only_history), whoever
// connects as the application's role: each statement runs in a transaction that is rolled back.

let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: appDatabaseUrl });
  await client.connect();
});
afterAll(() => client?.end());

/** null when the statement went through, else the database's message. */
async function attempt(sql: string, ...params: unknown[]): Promise<string | null> {
  await client.query("BEGIN");
  try {
    await client.query(sql, params);
    return null;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.query("ROLLBACK");
  }
}

const columnsOf = async (table: string) => (await client.query<{ name: string; type: string }>(
  `SELECT column_name AS name, udt_name AS type FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position`, [table],
)).rows;

// A new value of the column's type that differs from any stored one, as SQL.
function changed(column: string, type: string): string {
  switch (type) {
    case "uuid": return `gen_random_uuid()`;
    case "int4": case "int8": return `"${column}" + 1000`;
    case "bool": return `NOT "${column}"`;
    case "timestamp": case "date": return `"${column}" + interval '1 day'`;
    case "jsonb": return `'{"x":1}'::jsonb`;
    case "text": return `coalesce("${column}", '') || '改'`;
    // An enum: another of its values.
    default: return `(SELECT enumlabel::"${type}" FROM pg_enum WHERE enumtypid = '"${type}"'::regtype AND enumlabel <> "${column}"::text LIMIT 1)`;
  }
}

async function expectEveryColumnFrozen(table: string, id: string, except: string[] = []) {
  for (const { name, type } of await columnsOf(table)) {
    const message = await attempt(`UPDATE "${table}" SET "${name}" = ${changed(name, type)} WHERE id::text = $1`, id);
    if (except.includes(name)) expect(message, `${table}.${name}`).toBeNull();
    else expect(message, `${table}.${name}`).toMatch(new RegExp(`history is append-only: .*${name}`));
  }
}

let homeId: string;
beforeAll(async () => {
  homeId = (await db.household.findUniqueOrThrow({ where: { archiveNo: "JS-XH-00001" }, select: { id: true } })).id;
});

describe("entries, events and audit records", () => {
  it("refuse every UPDATE but an entry's status, and every DELETE and TRUNCATE", async () => {
    const entry = await recordEntry(homeId, "YELLOW");
    await callApi("POST", `/api/v1/entries/${entry}/void`, { as: { username: "clerk-xinhua" }, body: { reason: "记错了" } });
    const event = (await db.entryEvent.findFirstOrThrow({ where: { entryId: entry }, select: { id: true } })).id;
    const audit = String((await db.auditLog.findFirstOrThrow({ orderBy: { id: "desc" }, select: { id: true } })).id);

    await expectEveryColumnFrozen("Entry", entry, ["status"]);
    expect(await attempt(`UPDATE "Entry" SET status = 'CONFIRMED' WHERE id = $1`, entry)).toBeNull();
    await expectEveryColumnFrozen("EntryEvent", event);
    await expectEveryColumnFrozen("AuditLog", audit);
    for (const [table, id] of [["Entry", entry], ["EntryEvent", event], ["AuditLog", audit]]) {
      expect(await attempt(`DELETE FROM "${table}" WHERE id::text = $1`, id)).toMatch(`history is append-only: row ${id} of "${table}" cannot be deleted`);
      expect(await attempt(`TRUNCATE "${table}" CASCADE`)).toMatch("cannot be truncated");
    }
  });
});

describe("evidence photos", () => {
  it("may be attached once and deleted while unattached; attached, they never change", async () => {
    const admin = await db.account.findUniqueOrThrow({ where: { username: "admin" }, select: { id: true } });
    const entry = await recordEntry(homeId, "RED");
    const photo = await db.evidencePhoto.create({
      data: { storageKey: "evidence/loose.jpg", mimeType: "image/jpeg", width: 1, height: 1, bytes: 1, sha256: "a".repeat(64), uploadedById: admin.id },
      select: { id: true },
    });
    expect(await attempt(`UPDATE "EvidencePhoto" SET "entryId" = $2 WHERE id = $1`, photo.id, entry)).toBeNull();
    expect(await attempt(`UPDATE "EvidencePhoto" SET width = 2 WHERE id = $1`, photo.id)).toMatch("width");
    expect(await attempt(`DELETE FROM "EvidencePhoto" WHERE id = $1`, photo.id)).toBeNull();

    await client.query(`UPDATE "EvidencePhoto" SET "entryId" = $2 WHERE id = $1`, [photo.id, entry]);
    await expectEveryColumnFrozen("EvidencePhoto", photo.id);
    expect(await attempt(`UPDATE "EvidencePhoto" SET "entryId" = NULL WHERE id = $1`, photo.id)).toMatch("entryId");
    expect(await attempt(`DELETE FROM "EvidencePhoto" WHERE id = $1`, photo.id)).toMatch("is attached and cannot be deleted");
  });
});

describe("appeals and rectification requests", () => {
  it("keep their filing; their decision is made once, while open", async () => {
    const yellow = await recordEntry(homeId, "YELLOW");
    const household = { username: "JS-XH-00001" };
    const appeal = (await callApi("POST", `/api/v1/entries/${yellow}/appeals`, { as: household, body: { reason: "不是我家" } })).body.id;
    const request = (await callApi("POST", `/api/v1/entries/${yellow}/rectifications`, { as: household, body: { note: "已整改" } })).body.id;

    await expectEveryColumnFrozen("Appeal", appeal, ["status", "resolvedById", "resolvedAt", "resolution"]);
    await expectEveryColumnFrozen("Rectification", request, ["status", "decidedById", "decidedAt", "decisionReason"]);
    for (const [table, id] of [["Appeal", appeal], ["Rectification", request]]) {
      expect(await attempt(`DELETE FROM "${table}" WHERE id = $1`, id)).toMatch("cannot be deleted");
    }

    await callApi("POST", `/api/v1/appeals/${appeal}/resolution`, { as: { username: "clerk-xinhua" }, body: { outcome: "DISMISSED", resolution: "维持" } });
    await callApi("POST", `/api/v1/rectifications/${request}/decision`, { as: { username: "clerk-xinhua" }, body: { decision: "DECLINE", reason: "未整改" } });
    await expectEveryColumnFrozen("Appeal", appeal);
    await expectEveryColumnFrozen("Rectification", request);
    expect(await attempt(`UPDATE "Appeal" SET status = 'UPHELD' WHERE id = $1`, appeal)).toMatch("a decision is made once");
  });
});

describe("household chains and township digests", () => {
  it("let a chain only grow, and never change or delete a digest", async () => {
    const household = await db.household.findUniqueOrThrow({ where: { id: homeId }, select: { chainLength: true, chainHead: true } });
    expect(await attempt(`UPDATE "Household" SET "chainLength" = "chainLength" - 1 WHERE id = $1`, homeId)).toMatch("cannot be rewound");
    expect(await attempt(`UPDATE "Household" SET "chainHead" = $2 WHERE id = $1`, homeId, "0".repeat(64))).toMatch("cannot be rewound");
    expect(await attempt(`UPDATE "Household" SET "chainLength" = "chainLength" + 1, "chainHead" = $2 WHERE id = $1`, homeId, "0".repeat(64))).toBeNull();
    expect(await attempt(`UPDATE "Household" SET address = '新地址' WHERE id = $1`, homeId)).toBeNull();
    expect(household.chainHead).not.toBeNull();

    const township = await db.township.findFirstOrThrow({ select: { id: true } });
    const digest = await recordTownshipDigest(db, township.id, "MANUAL");
    await expectEveryColumnFrozen("TownshipDigest", digest.id);
    expect(await attempt(`DELETE FROM "TownshipDigest" WHERE id = $1`, digest.id)).toMatch("cannot be deleted");
    expect(await attempt(`TRUNCATE "TownshipDigest"`)).toMatch("cannot be truncated");
  });
});
