import "server-only";
import { chinaToday } from "@/lib/domain/entry-date";
import type { AwardList } from "@/lib/schemas/selection";
import { authorize, householdWhere, type Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";

/** The families awarded for a year in the actor's scope, grouped by village, for the printed list. */
export async function getAwardList(actor: Actor, year: number): Promise<AwardList> {
  authorize(actor, "selection.read");
  const awards = await db.civilizedFamilyAward.findMany({
    where: { year, status: "AWARDED", household: householdWhere(actor) },
    orderBy: [{ household: { village: { code: "asc" } } }, { household: { archiveNo: "asc" } }],
    select: { decidedAt: true, household: { select: { archiveNo: true, headName: true, village: { select: { id: true, name: true } } } } },
  });
  const township = actor.townshipId
    ? (await db.township.findUnique({ where: { id: actor.townshipId }, select: { name: true } }))?.name ?? null : null;
  const villages = new Map<string, AwardList["villages"][number]>();
  for (const { decidedAt, household: { village, ...family } } of awards) {
    const group = villages.get(village.id) ?? { ...village, families: [] };
    group.families.push({ ...family, awardedOn: chinaToday(decidedAt ?? new Date()) });
    villages.set(village.id, group);
  }
  return { year, township, villages: [...villages.values()], total: awards.length };
}
