import "server-only";
import { dateToDay } from "@/lib/domain/entry-date";
import type { Prisma } from "@/lib/generated/prisma/client";
import { STATUS_LABELS } from "@/lib/schemas/household-import";
import { serialOf } from "../archive-numbers";
import type { PlannedHousehold } from "./group-households";
import { problemAt, type Problem } from "./problems";

type Client = Prisma.TransactionClient;
export type Group = { id: string; number: number; name: string };
export type NewHousehold = PlannedHousehold & { groupId: string | null };
export type VillageCheck = { problems: Problem[]; newHouseholds: NewHousehold[]; unchanged: number };

// IN lists of at most 1,000: the embedded database's wire protocol fails on a few thousand parameters.
const CHUNK = 1_000;
const chunks = <T>(items: T[]) => Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

/** "3", "3组", "第3组" or the group's full name (第三村民小组); undefined when the village has no such group. */
export function resolveGroup(text: string, groups: Group[]): string | null | undefined {
  if (!text) return null;
  const byName = groups.find((g) => g.name === text);
  if (byName) return byName.id;
  const number = /^第?(\d{1,3})(组|小组|村民小组|居民小组)?$/.exec(text)?.[1];
  return number ? groups.find((g) => g.number === Number(number))?.id : undefined;
}

/**
 * Checks the households of the file against the village as it is now: archive numbers of this
 * village, known groups, and households already in the archive. A household that is there
 * exactly as in the file is left alone (so an export can be imported again); one that differs
 * is refused, because a change needs a reason and goes through the household's page.
 */
export async function checkAgainstVillage(
  client: Client, village: { id: string; prefix: string }, households: PlannedHousehold[],
): Promise<VillageCheck> {
  const groups = await client.villagerGroup.findMany({ where: { villageId: village.id }, select: { id: true, number: true, name: true }, orderBy: { number: "asc" } });
  const existing = await loadExisting(client, households.flatMap((h) => (h.archiveNo ? [h.archiveNo] : [])));
  const sameHead = await loadByHead(client, village.id, households.flatMap((h) => (h.archiveNo ? [] : [h.headName])));
  const problems: Problem[] = [];
  const newHouseholds: NewHousehold[] = [];
  let unchanged = 0;
  for (const household of households) {
    const groupId = resolveGroup(household.group, groups);
    if (groupId === undefined) {
      problems.push(problemAt(household.firstRow, "group", "groupUnknown", { numbers: groups.map((g) => g.number).join("、") || "—" }));
    }
    if (household.archiveNo && serialOf(village.prefix, household.archiveNo) === null) {
      problems.push(problemAt(household.firstRow, "archiveNo", "archiveNoWrongVillage", { prefix: village.prefix }));
      continue;
    }
    const current = household.archiveNo ? existing.get(household.archiveNo) : undefined;
    if (current) {
      const differences = compareWithExisting(household, groupId ?? null, current, groups);
      problems.push(...differences);
      if (!differences.length) unchanged++;
      continue;
    }
    const twin = household.archiveNo ? undefined : sameHead.get(`${household.headName}\u0000${household.address}`);
    if (twin) problems.push(problemAt(household.firstRow, "headName", "sameAsExisting", { archiveNo: twin }));
    newHouseholds.push({ ...household, groupId: groupId ?? null });
  }
  return { problems, newHouseholds, unchanged };
}

const existingSelect = {
  archiveNo: true, headName: true, address: true, phone: true, groupId: true, status: true, registeredOn: true,
  members: { where: { active: true }, select: { name: true, relation: true, gender: true, birthYear: true } },
} satisfies Prisma.HouseholdSelect;
type Existing = Prisma.HouseholdGetPayload<{ select: typeof existingSelect }>;

async function loadExisting(client: Client, archiveNos: string[]): Promise<Map<string, Existing>> {
  const found = new Map<string, Existing>();
  for (const part of chunks(archiveNos)) {
    const rows = await client.household.findMany({ where: { archiveNo: { in: part } }, select: existingSelect });
    for (const row of rows) found.set(row.archiveNo, row);
  }
  return found;
}

async function loadByHead(client: Client, villageId: string, headNames: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const part of chunks([...new Set(headNames)])) {
    const rows = await client.household.findMany({ where: { villageId, headName: { in: part } }, select: { archiveNo: true, headName: true, address: true } });
    for (const row of rows) found.set(`${row.headName}\u0000${row.address}`, row.archiveNo);
  }
  return found;
}

function compareWithExisting(file: PlannedHousehold, groupId: string | null, db: Existing, groups: Group[]): Problem[] {
  const problems: Problem[] = [];
  const differs = (column: "headName" | "group" | "address" | "phone" | "registeredOn" | "status", value: string) =>
    problems.push(problemAt(file.firstRow, column, "existingDiffers", { archiveNo: db.archiveNo, value: value || "—" }));
  if (file.headName !== db.headName) differs("headName", db.headName);
  if (groupId !== db.groupId) differs("group", groups.find((g) => g.id === db.groupId)?.name ?? "");
  if (file.address !== db.address) differs("address", db.address);
  if ((file.phone || null) !== db.phone) differs("phone", db.phone ?? "");
  if (file.registeredOn && file.registeredOn !== dateToDay(db.registeredOn)) differs("registeredOn", dateToDay(db.registeredOn));
  if (file.status !== db.status) differs("status", STATUS_LABELS[db.status]);
  const key = (m: { name: string; relation: string; gender: string | null; birthYear: number }) => `${m.name}|${m.relation}|${m.gender ?? ""}|${m.birthYear}`;
  const unmatched = db.members.map(key);
  for (const member of file.members) {
    const at = unmatched.indexOf(key(member));
    if (at >= 0) unmatched.splice(at, 1);
    else problems.push(problemAt(member.row, "memberName", "existingMemberDiffers", { archiveNo: db.archiveNo }));
  }
  for (const missing of unmatched) {
    problems.push(problemAt(file.firstRow, "memberName", "existingMemberMissing", { archiveNo: db.archiveNo, name: missing.split("|")[0]! }));
  }
  return problems;
}
