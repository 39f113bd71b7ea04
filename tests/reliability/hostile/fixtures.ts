import type pg from "pg";
import sharp from "sharp";
import type { Credentials, CallerRole } from "./callers";

// Real targets of the seeded demo township, in the scope of the callers of callers.ts (Xinhua
// village, its clerk, its first representative and household JS-XH-00001), for the valid base
// of every hostile request. What the seed has none of (an extract, an evidence photo) is made
// through the API before the run, as a user would.

export type Fixtures = {
  township: string; village: string; group: string;
  household: string; member: string; entry: string;
  ownHousehold: string; ownEntry: string;
  appeal: string; rectification: string; review: string; ruleSet: string; rule: string; nomination: string;
  account: string; representative: string; token: string; extract: string; evidence: string;
};

const XH = `(SELECT id FROM "Village" WHERE code = 'XH')`;

export async function loadFixtures(pool: pg.Pool, baseUrl: string, callers: Map<CallerRole, Credentials>): Promise<Fixtures> {
  const one = async (label: string, sql: string): Promise<string> => {
    const { rows } = await pool.query<{ id: string }>(sql);
    if (!rows[0]) throw new Error(`no seeded ${label}`);
    return rows[0].id;
  };
  // Not a household a caller lives in: recusal would refuse some writes on it before validation.
  const household = await one("household", `SELECT h.id FROM "Household" h WHERE h."villageId" = ${XH} AND h."archiveNo" <> 'JS-XH-00001'
    AND NOT EXISTS (SELECT 1 FROM "Account" a WHERE a."homeHouseholdId" = h.id) ORDER BY h."archiveNo" LIMIT 1`);
  const ownHousehold = await one("household JS-XH-00001", `SELECT id FROM "Household" WHERE "archiveNo" = 'JS-XH-00001'`);
  const fixtures: Omit<Fixtures, "extract" | "evidence"> = {
    township: await one("township", `SELECT "townshipId" AS id FROM "Village" WHERE id = ${XH}`),
    village: await one("village XH", `SELECT ${XH} AS id`),
    group: await one("villager group", `SELECT id FROM "VillagerGroup" WHERE "villageId" = ${XH} LIMIT 1`),
    household,
    member: await one("member", `SELECT id FROM "Member" WHERE "householdId" = '${household}' ORDER BY "createdAt" DESC LIMIT 1`),
    entry: await one("entry", `SELECT id FROM "Entry" WHERE "villageId" = ${XH} AND "householdId" <> '${ownHousehold}' ORDER BY "recordedAt" DESC LIMIT 1`),
    ownHousehold,
    ownEntry: await one("entry of JS-XH-00001", `SELECT id FROM "Entry" WHERE "householdId" = '${ownHousehold}' ORDER BY category DESC, "recordedAt" DESC LIMIT 1`),
    appeal: await one("appeal", `SELECT a.id FROM "Appeal" a JOIN "Entry" e ON e.id = a."entryId" WHERE e."villageId" = ${XH} LIMIT 1`),
    rectification: await one("rectification", `SELECT r.id FROM "Rectification" r JOIN "Entry" e ON e.id = r."entryId" WHERE e."villageId" = ${XH} LIMIT 1`),
    review: await one("review", `SELECT id FROM "QuarterlyReview" WHERE "villageId" = ${XH} ORDER BY status DESC, year DESC, quarter DESC LIMIT 1`),
    ruleSet: await one("rule set", `SELECT id FROM "RuleSet" WHERE "villageId" = ${XH} ORDER BY version DESC LIMIT 1`),
    rule: await one("rule", `SELECT r.id FROM "Rule" r JOIN "RuleSet" s ON s.id = r."ruleSetId" WHERE s."villageId" = ${XH} AND s.status = 'ADOPTED' AND r.category = 'RED' LIMIT 1`),
    nomination: await one("nomination", `SELECT c.id FROM "CivilizedFamilyAward" c JOIN "Household" h ON h.id = c."householdId" WHERE h."villageId" = ${XH} LIMIT 1`),
    account: await one("account", `SELECT id FROM "Account" WHERE username = 'rep-xinhua-2'`),
    representative: await one("representative", `SELECT id FROM "Account" WHERE username = 'rep-xinhua-1'`),
    token: await one("token", `SELECT t.id FROM "ApiToken" t JOIN "Account" a ON a.id = t."accountId" WHERE a.username = 'clerk-xinhua' LIMIT 1`),
  };

  const post = async (role: CallerRole, path: string, body: BodyInit, contentType?: string) => {
    const credentials = callers.get(role);
    if (!credentials) throw new Error(`no ${role} signed in`);
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method: "POST", body, headers: { cookie: credentials.cookie, origin: baseUrl, ...(contentType && { "content-type": contentType }) },
    });
    const answer = await response.json() as { id?: string };
    if (response.status !== 201 || !answer.id) throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(answer)}`);
    return answer.id;
  };
  const extract = await post("HOUSEHOLD", `/households/${ownHousehold}/extracts`, JSON.stringify({ purpose: "SCHOOL_ADMISSION" }), "application/json");
  const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#c33" } }).jpeg().toBuffer();
  const form = new FormData();
  form.set("file", new File([new Uint8Array(photo)], "photo.jpg", { type: "image/jpeg" }));
  const evidence = await post("CLERK", "/evidence", form);
  return { ...fixtures, extract, evidence };
}
