import { z } from "zod";
import { AppealOutcomeSchema } from "./appeals";
import { DateTimeSchema } from "./common";
import { EntryCategorySchema, EntryStatusSchema } from "./entries";
import { HouseholdStatusSchema } from "./households";
import { PhotoRefSchema, RectificationOutcomeSchema } from "./rectifications";

// A household's archive page (DESIGN.md "Score", "Civilized family selection"): the shapes of
// lib/domain/scoring.ts and lib/domain/eligibility.ts, as the API returns them.

const TallySchema = z.record(EntryCategorySchema, z.record(EntryStatusSchema, z.int()));

export const ScoreSchema = z.object({
  score: z.int().describe("red × wRed − activeYellow × wYellow − black × wBlack, confirmed entries only"),
  red: z.int(),
  activeYellow: z.int(),
  black: z.int(),
  marks: TallySchema.describe("Marks per category and status"),
  entries: TallySchema.describe("Records per category and status"),
});

export const EligibilitySchema = z.object({
  year: z.int(),
  eligible: z.boolean(),
  reasons: z.array(z.discriminatedUnion("code", [
    z.object({ code: z.literal("HAS_BLACK"), count: z.int() }),
    z.object({ code: z.literal("UNRECTIFIED_YELLOW"), count: z.int() }),
    z.object({ code: z.literal("TOO_FEW_REDS"), have: z.int(), need: z.int() }),
  ])).describe("Why not, in a fixed order; empty when eligible"),
  notices: z.array(z.discriminatedUnion("code", [
    z.object({ code: z.literal("PENDING_BLACK"), count: z.int() }),
    z.object({ code: z.literal("PENDING_YELLOW"), count: z.int() }),
    z.object({ code: z.literal("PENDING_REDS"), count: z.int(), wouldSuffice: z.boolean() }),
    z.object({ code: z.literal("YEAR_NOT_OVER"), asOf: z.iso.date() }),
  ])).describe("Entries awaiting review, and whether the year is still running"),
  reds: z.int(),
  needReds: z.int(),
  blacks: z.int(),
  unrectifiedYellows: z.int(),
});
export type EligibilityView = z.infer<typeof EligibilitySchema>;

export const ArchiveEntrySchema = z.object({
  id: z.uuid(),
  category: EntryCategorySchema,
  status: EntryStatusSchema,
  marks: z.int(),
  occurredOn: z.iso.date(),
  year: z.int(),
  quarter: z.int(),
  description: z.string(),
  recordedAt: DateTimeSchema,
  rule: z.object({ code: z.string(), title: z.string() }),
  member: z.object({ name: z.string() }).nullable(),
  evidence: z.array(PhotoRefSchema),
  rectifications: z.array(RectificationOutcomeSchema).describe("Newest first"),
  appeals: z.array(AppealOutcomeSchema).describe("Newest first"),
  canRequestRectification: z.boolean().describe("A yellow, pending or confirmed, without an open request"),
  canAppeal: z.boolean().describe("A yellow or black, pending or confirmed, without an open appeal"),
});
export type ArchiveEntry = z.infer<typeof ArchiveEntrySchema>;

export const HouseholdArchiveSchema = z.object({
  household: z.object({
    id: z.uuid(), archiveNo: z.string(), headName: z.string(), status: HouseholdStatusSchema,
    village: z.object({ id: z.uuid(), name: z.string() }),
  }),
  settings: z.object({ weightRed: z.int(), weightYellow: z.int(), weightBlack: z.int(), civilizedMinReds: z.int() })
    .describe("The township's weights and civilized-family threshold the figures were computed with"),
  asOf: z.iso.date().describe("Today in China"),
  thisYear: ScoreSchema.describe("Entries that occurred this calendar year"),
  cumulative: ScoreSchema.describe("Every entry of the household"),
  eligibility: EligibilitySchema.describe("As a civilized family this year, judged today"),
  entries: z.array(ArchiveEntrySchema).describe("Latest occurrence first"),
  awards: z.array(z.object({
    id: z.uuid(), year: z.int(),
    status: z.enum(["NOMINATED", "AWARDED", "DECLINED", "WITHDRAWN"]),
    nominatedOn: z.iso.date(),
    decidedOn: z.iso.date().nullable().describe("When awarded, declined or withdrawn (China); null while nominated"),
    reason: z.string().nullable().describe("Why declined or withdrawn (by the village or the township); the township's optional note when awarded"),
  })).describe("The household's civilized-family nominations and awards of every year, whatever became of them, latest first"),
});
export type HouseholdArchive = z.infer<typeof HouseholdArchiveSchema>;
