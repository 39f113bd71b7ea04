import { z } from "zod";
import { chinaToday } from "@/lib/domain/entry-date";
import { IdSchema, pageOf, pageParams, singleLineText } from "./common";
import { ExportFormatSchema } from "./exports";
import { SettingsVersionSchema } from "./township-settings";

// Rankings (issue 9 point 3): households by their maintained score (HouseholdScore) for a year or
// all time, township-wide or in one village. Messages are catalogue keys.

const currentYear = () => Number(chinaToday(new Date()).slice(0, 4));

export const RankingYearSchema = z.union([
  z.literal("all"),
  z.coerce.number({ error: "validation.rankingsYear" }).int({ error: "validation.rankingsYear" })
    .min(2000, { error: "validation.rankingsYear" }).max(2100, { error: "validation.rankingsYear" }),
]).optional().transform((year) => year ?? currentYear())
  .describe("A calendar year, or \"all\" for all time; the current year (in China) when absent");
export type RankingYear = number | "all";

const rankingFilters = {
  year: RankingYearSchema,
  villageId: IdSchema.optional().describe("Rank within this village only (404 outside the caller's scope)"),
  q: singleLineText().max(50, { error: "validation.searchTooLong" }).default("")
    .describe("Archive number (prefix), the head's name, or the head's pinyin initials; matching households keep their rank in the whole scope"),
  township: singleLineText().min(1).max(20).optional()
    .describe("An administrator's choice of township by code; officials and clerks always get their own"),
};

export const RankingsQuerySchema = z.object({ ...rankingFilters, ...pageParams(50) });
export type RankingsQuery = z.input<typeof RankingsQuerySchema> & { year?: RankingYear };

export const ExportRankingsQuerySchema = z.object({ ...rankingFilters, format: ExportFormatSchema });
export type ExportRankingsQuery = z.infer<typeof ExportRankingsQuerySchema>;

export const RankingItemSchema = z.object({
  rank: z.int().describe("1 for the highest score; households with the same score share a rank (RANK(), so the next rank skips)"),
  tied: z.boolean().describe("Another household in the scope shares this rank"),
  householdId: IdSchema,
  archiveNo: z.string(),
  headName: z.string(),
  villageId: IdSchema,
  villageName: z.string(),
  score: z.int(),
  redMarks: z.int(),
  activeYellowMarks: z.int(),
  blackMarks: z.int(),
});
export type RankingItem = z.infer<typeof RankingItemSchema>;

export const RankingsPageSchema = pageOf(RankingItemSchema).extend({
  township: z.object({ id: IdSchema, code: z.string(), name: z.string() }),
  year: z.union([z.int(), z.literal("all")]),
  village: z.object({ id: IdSchema, name: z.string() }).nullable().describe("The village ranked in, null for the whole township"),
  settings: SettingsVersionSchema.nullable()
    .describe("The settings the year's scores were computed with (in force on the year's last day, or today while it runs); null for all time, which sums each year's score under that year's settings"),
});
export type RankingsPage = z.infer<typeof RankingsPageSchema>;

export const HouseholdScoreRowSchema = z.object({
  year: z.int().describe("0 for all time (the sum of the yearly rows)"),
  redMarks: z.int(),
  activeYellowMarks: z.int(),
  blackMarks: z.int(),
  unrectifiedYellows: z.int().describe("Yellow records still unrectified at the year's end (civilized-family eligibility); 0 for all time"),
  score: z.int(),
  settings: SettingsVersionSchema.nullable().describe("The settings the row was computed with; null for all time"),
  updatedAt: z.iso.datetime(),
});

export const HouseholdScoresQuerySchema = z.object(pageParams(50));

export const HouseholdScoresSchema = pageOf(HouseholdScoreRowSchema).extend({
  householdId: IdSchema,
  archiveNo: z.string(),
}).describe("All time first, then the years, newest first; no rows for a household without confirmed entries");
export type HouseholdScores = z.infer<typeof HouseholdScoresSchema>;
