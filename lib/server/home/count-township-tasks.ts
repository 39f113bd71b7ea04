import "server-only";
import { unsafeCountOpenAppeals, type OpenAppealCount } from "@/lib/server/appeals/count-open-appeals";
import { appealWhere, authorizeIn, can, type Actor, type Permission } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { areDecisionsOpen } from "@/lib/server/selection/season";

/**
 * What waits for the township, on its overview: appeals still open in its villages (resolved by
 * the village councils, watched by the township; counted as the appeal list the task links to
 * shows them, so an administrator's are every township's), extracts asked for and waiting to be issued,
 * and civilized-family nominations of ended years waiting for a decision. Each item only for a
 * role that acts on it or watches it (null otherwise). Counts, not rows.
 */
export type TownshipTasks = {
  openAppeals: OpenAppealCount | null;
  extractsRequested: number | null;
  nominationsToDecide: { year: number; count: number }[] | null;
};

export async function countTownshipTasks(actor: Actor, townshipId: string, now: Date = new Date()): Promise<TownshipTasks> {
  authorizeIn(actor, "townships.read", { townshipId });
  const when = <T>(permission: Permission, load: () => Promise<T>): Promise<T | null> =>
    can(actor, permission) ? load() : Promise.resolve(null);
  const [openAppeals, extractsRequested, nominations] = await Promise.all([
    when("appeals.list", () => unsafeCountOpenAppeals(appealWhere(actor), now)),
    when("extracts.issue", () => db.archiveExtract.count({ where: { townshipId, status: "REQUESTED" } })),
    when("selection.decide", () => db.civilizedFamilyAward.groupBy({
      by: ["year"], where: { townshipId, status: "NOMINATED" }, _count: { _all: true }, orderBy: { year: "asc" },
    })),
  ]);
  return {
    openAppeals,
    extractsRequested,
    // A year's nominations are decided once the year has ended (selection/season.ts).
    nominationsToDecide: nominations
      ? nominations.filter((n) => areDecisionsOpen(n.year, now)).map((n) => ({ year: n.year, count: n._count._all }))
      : null,
  };
}
