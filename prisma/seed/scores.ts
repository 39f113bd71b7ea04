import { householdScoreRows } from "../../lib/domain/household-scores";
import type { EligibilityEntry } from "../../lib/domain/eligibility";
import type { SettingsVersion } from "../../lib/domain/township-settings";
import type { SeedContext } from "./context";
import type { Draft } from "./entries";
import { beijingDay, day } from "./time";
import type { HouseholdRow, ScoreRowData } from "./types";

// The maintained score rows (HouseholdScore) of the seeded history, computed by the app's own
// function from each household's final entries, as lib/server/scores/refresh-scores.ts does.

export function scoreRows(
  ctx: SeedContext, townshipId: string, households: HouseholdRow[], drafts: Draft[], versions: SettingsVersion[],
): ScoreRowData[] {
  const byHousehold = new Map<string, EligibilityEntry[]>();
  for (const d of drafts) {
    const rectified = d.events.findLast((e) => e.type === "RECTIFIED" && e.fromStatus === "CONFIRMED");
    const list = byHousehold.get(d.row.householdId) ?? [];
    list.push({
      category: d.row.category, status: d.row.status, marks: d.row.marks, occurredOn: d.row.occurredOn,
      rectifiedOn: rectified ? beijingDay(rectified.createdAt) : null,
    });
    byHousehold.set(d.row.householdId, list);
  }
  const today = day(ctx.today);
  return households.flatMap((h) =>
    householdScoreRows(byHousehold.get(h.id) ?? [], versions, today).map((row) => ({
      ...row, householdId: h.id, townshipId, villageId: h.villageId, updatedAt: ctx.now,
    })),
  );
}
