// A village of its own for review tests and the close-review benchmark: households, a clerk,
// representatives living in the first households, and adopted rules, so that a test controls
// exactly which entries, representatives and homes a review has. Entries are recorded through
// the recordEntry use case (the chain), everything else is plain rows.
import { randomUUID } from "node:crypto";
import type { Category } from "@/lib/domain/scoring";
import type { Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { recordEntry } from "@/lib/server/entries/record-entry";

export const testContext = { ip: "127.0.0.1", userAgent: "review-tests" };

export type ReviewVillage = {
  code: string; villageId: string; townshipId: string; clerk: Actor; reps: Actor[]; households: string[]; rules: Record<Category, string>;
};

const actorSelect = { id: true, username: true, displayName: true, role: true, townshipId: true, villageId: true, householdId: true, homeHouseholdId: true } as const;

/** The Actor of an account, as resolveActor would build it for a password session. */
export async function actorOf(username: string): Promise<Actor> {
  const row = await db.account.findUniqueOrThrow({ where: { username }, select: actorSelect });
  return { ...row, viaAccessCode: false };
}

export async function createReviewVillage(
  { code, representatives, households = representatives + 3, township = "JS" }: { code: string; representatives: number; households?: number; township?: string },
): Promise<ReviewVillage> {
  const { id: townshipId } = await db.township.findUniqueOrThrow({ where: { code: township }, select: { id: true } });
  const { id: villageId } = await db.village.create({ data: { townshipId, code, name: `评议测试村${code}`, kind: "VILLAGE" }, select: { id: true } });
  const homes = await db.household.createManyAndReturn({
    data: Array.from({ length: households }, (_, i) => ({
      villageId, archiveNo: `${township}-${code}-${String(i + 1).padStart(5, "0")}`, headName: `户主${i + 1}`, headInitials: "hz",
      address: `评议测试村${i + 1}号`, registeredOn: new Date("2015-01-01"),
    })),
    select: { id: true, archiveNo: true },
  });
  homes.sort((a, b) => a.archiveNo.localeCompare(b.archiveNo));
  const lower = code.toLowerCase();
  const staff = await db.account.createManyAndReturn({
    data: [
      { username: `clerk-${lower}`, displayName: `理事${code}`, role: "CLERK" as const, townshipId, villageId },
      ...Array.from({ length: representatives }, (_, i) => ({
        username: `rep-${lower}-${i + 1}`, displayName: `代表${i + 1}`, role: "REPRESENTATIVE" as const, townshipId, villageId,
        homeHouseholdId: homes[i % homes.length]!.id,
      })),
    ],
    select: actorSelect,
  });
  const actors = staff.map((row) => ({ ...row, viaAccessCode: false }));
  const ruleSet = await db.ruleSet.create({
    data: {
      villageId, version: 1, title: `评议测试村${code}细则`, status: "ADOPTED", effectiveFrom: new Date("2019-01-01"),
      rules: { create: [
        { code: "R01", category: "RED", title: "拾金不昧", description: "拾到财物归还失主" },
        { code: "Y01", category: "YELLOW", title: "乱倒垃圾", description: "在公共场所乱倒垃圾" },
        { code: "B01", category: "BLACK", title: "醉酒驾驶", description: "因醉酒驾驶受到处罚" },
      ] },
    },
    select: { rules: { select: { id: true, category: true } } },
  });
  const rules = Object.fromEntries(ruleSet.rules.map((r) => [r.category, r.id])) as Record<Category, string>;
  const byUsername = (username: string) => actors.find((a) => a.username === username)!;
  return {
    code, villageId, townshipId, clerk: byUsername(`clerk-${lower}`),
    reps: Array.from({ length: representatives }, (_, i) => byUsername(`rep-${lower}-${i + 1}`)),
    households: homes.map((h) => h.id), rules,
  };
}

/** Records a PENDING entry through the use case, as the village's clerk. */
export async function recordVillageEntry(
  village: ReviewVillage, household: number, category: Category, occurredOn: string, description = "评议测试记录",
): Promise<string> {
  const legal = category === "BLACK" ? { legalAuthority: "石门县公安局", legalDocumentNo: `石公（交）行罚决字〔2026〕${household}号` } : {};
  const { entry } = await recordEntry(village.clerk, {
    idempotencyKey: randomUUID(), householdId: village.households[household]!, ruleId: village.rules[category], occurredOn,
    description, evidenceIds: [], ...legal,
  }, testContext);
  return entry.id;
}
