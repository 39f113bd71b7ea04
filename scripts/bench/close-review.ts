// `npm run bench:close-review` (options: --entries N, --representatives N, --result FILE: the
// timing as JSON, for `npm run bench`)
//
// Times closing a quarterly review of 1,000 entries with 60 representatives on a database of its
// own (a new database on the server of TEST_DATABASE_URL or DATABASE_URL when set, otherwise an
// in-memory embedded one), dropped at the end: migrations, a small demo seed, then a village of
// its own (tests/helpers/review-village.ts) where everything happens through the use cases —
// entries recorded, the review opened, 60 ballots cast with some objections, the review closed.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { chinaToday, dateToDay, dayToDate } from "@/lib/domain/entry-date";
import { previousQuarter, quarterOf, quarterStart } from "@/lib/domain/quarter";
import type { Category } from "@/lib/domain/scoring";
import { seedDemo } from "../../prisma/seed/seed-demo";
import { createFreshDatabase } from "../../tests/helpers/fresh-database";
import { applyMigrations } from "../db/migrate";
import { time } from "./time";

const { values } = parseArgs({ options: { entries: { type: "string", default: "1000" }, representatives: { type: "string", default: "60" }, result: { type: "string" } } });
const entries = Number(values.entries);
const representatives = Number(values.representatives);

const database = await createFreshDatabase("bench");
try {
  await time("migrate + seed (170 households)", async () => {
    await applyMigrations(database.url);
    await seedDemo(database.url, { households: 170, today: chinaToday(new Date()), quiet: true });
  });
  process.env.DATABASE_URL = database.url;
  // Loaded once DATABASE_URL points at the new database (lib/env.ts reads it once).
  const { db } = await import("@/lib/server/db");
  const { castBallot } = await import("@/lib/server/reviews/cast-ballot");
  const { closeReview } = await import("@/lib/server/reviews/close-review");
  const { openReview } = await import("@/lib/server/reviews/open-review");
  const { createReviewVillage, recordVillageEntry, testContext } = await import("../../tests/helpers/review-village");

  const village = await createReviewVillage({ code: "BENCH", representatives, households: Math.ceil(entries * 0.8) });
  const q = previousQuarter(quarterOf(dayToDate(chinaToday(new Date()))));
  const start = quarterStart(q).getTime();
  const ids = await time(`record ${entries} entries (use case)`, async () => {
    const out: string[] = [];
    for (let i = 0; i < entries; i++) {
      const category: Category = i % 100 === 0 ? "BLACK" : i % 10 === 0 ? "YELLOW" : "RED";
      out.push(await recordVillageEntry(village, i % village.households.length, category, dateToDay(new Date(start + (i % 90) * 86_400_000))));
    }
    return out;
  });
  const review = await time("open the review", () => openReview(village.clerk, village.villageId, q, testContext));
  const householdOf = new Map(ids.map((id, i) => [id, village.households[i % village.households.length]]));
  const disputed = ids.filter((_, i) => i % 40 === 7); // 25 entries two thirds of the representatives object to
  await time(`${representatives} ballots (approve all except …)`, async () => {
    for (const [r, rep] of village.reps.entries()) {
      const home = village.households[r % village.households.length];
      const objections = [...(r % 3 ? disputed : []), ids[(r * 37) % ids.length]!, ids[(r * 53 + 11) % ids.length]!];
      // Recusal: nobody objects to an entry of their own household.
      const exceptions = [...new Set(objections)].filter((id) => householdOf.get(id) !== home)
        .map((entryId) => ({ entryId, decision: "REJECT" as const, reason: "情况与事实有出入" }));
      await castBallot(rep, review.id, { defaultDecision: "APPROVE", exceptions }, testContext);
    }
  });
  const closeStarted = performance.now();
  const closed = await time("closeReview", () => closeReview(village.clerk, review.id, { meetingDate: chinaToday(new Date()), minutes: "基准测试会议记录" }, testContext));
  const seconds = (performance.now() - closeStarted) / 1000;
  if (values.result) writeFileSync(values.result, JSON.stringify({ seconds, entries, representatives }));
  const decided = await db.reviewEntryResult.groupBy({ by: ["passed"], where: { reviewId: review.id }, _count: { _all: true } });
  console.log(`closed: ${closed.entries} entries, ${closed.attending}/${closed.roster} attending, ` +
    decided.map((d) => `${d._count._all} ${d.passed ? "confirmed" : "rejected"}`).join(", "));
  await db.$disconnect();
} finally {
  await database.drop();
}
