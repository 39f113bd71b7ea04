import { z } from "zod";
import { daySchema, IdSchema, multiLineText, pageOf, pageParams, singleLineText } from "./common";

// Township settings (DESIGN.md "Score", issue 9 point 1): a change is a new version in force from
// a day on (today in China or later); earlier versions stay as they were, so past results can be
// reproduced. Messages are catalogue keys, translated where they are shown.

const int = (min: number, max: number, error: string) =>
  z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });

const flag = z.boolean({ error: "validation.settingsFlag" });

export const ChangeTownshipSettingsSchema = z.strictObject({
  effectiveFrom: daySchema("validation.settingsEffectiveFrom")
    .describe("The first day the version is in force, \"YYYY-MM-DD\": today in China or later (422 for an earlier day)"),
  weightRed: int(0, 100, "validation.settingsWeight").describe("Points per red mark, 0–100"),
  weightYellow: int(0, 100, "validation.settingsWeight").describe("Points deducted per active yellow mark, 0–100"),
  weightBlack: int(0, 100, "validation.settingsWeight").describe("Points deducted per black mark, 0–100"),
  civilizedMinReds: int(0, 50, "validation.settingsMinReds").describe("Confirmed reds a civilized family needs in the year, 0–50"),
  noticePeriodDays: int(1, 60, "validation.settingsNoticePeriod").describe("Days a public notice is posted, 1–60"),
  noticeHidesNegativeDetail: flag.describe("Notices show yellows and blacks without their rule and description"),
  honourBoardEnabled: flag.describe("The public honour board is shown"),
  extractValidityDays: int(30, 730, "validation.settingsExtractValidity").describe("Days an archive extract is valid, 30–730"),
  reason: multiLineText("validation.settingsReason").min(2, { error: "validation.settingsReason" }).max(500, { error: "validation.settingsReasonTooLong" })
    .describe("Why the settings change (shown in the history)"),
});
export type ChangeTownshipSettingsInput = z.infer<typeof ChangeTownshipSettingsSchema>;

export const TownshipChoiceQuerySchema = z.object({
  township: singleLineText().min(1).max(20).optional()
    .describe("An administrator's choice of township by code; officials always get their own"),
});
export type TownshipChoiceQuery = z.infer<typeof TownshipChoiceQuerySchema>;

export const SettingsVersionSchema = z.object({
  id: IdSchema,
  effectiveFrom: z.iso.date(),
  weightRed: z.int(),
  weightYellow: z.int(),
  weightBlack: z.int(),
  civilizedMinReds: z.int(),
  noticePeriodDays: z.int(),
  noticeHidesNegativeDetail: z.boolean(),
  honourBoardEnabled: z.boolean(),
  extractValidityDays: z.int(),
});
export type SettingsVersionView = z.infer<typeof SettingsVersionSchema>;

export const SettingsHistoryItemSchema = SettingsVersionSchema.extend({
  reason: z.string().nullable(),
  createdBy: z.object({ id: IdSchema, displayName: z.string() }).nullable(),
  createdAt: z.iso.datetime(),
});
export type SettingsHistoryItem = z.infer<typeof SettingsHistoryItemSchema>;

export const SettingsVersionStatusSchema = z.enum(["SCHEDULED", "IN_FORCE", "SUPERSEDED"])
  .describe("SCHEDULED: takes effect after today; IN_FORCE: the version in force today; SUPERSEDED: in force before");

export const SettingsVersionItemSchema = SettingsHistoryItemSchema.extend({ status: SettingsVersionStatusSchema });
export type SettingsVersionItem = z.infer<typeof SettingsVersionItemSchema>;

export const TownshipSettingsQuerySchema = TownshipChoiceQuerySchema.extend(pageParams(50));
export type TownshipSettingsQuery = { township?: string | undefined; page?: number | undefined; pageSize?: number | undefined };

export const TownshipSettingsSchema = pageOf(SettingsVersionItemSchema).extend({
  township: z.object({ id: IdSchema, code: z.string(), name: z.string() }),
  today: z.iso.date().describe("Today in China, the day `current` is in force on"),
  current: SettingsVersionItemSchema.nullable().describe("The version in force today"),
}).describe("Every version of the township's settings, the latest effective day first: scheduled ones, the one in force, then those it superseded");
export type TownshipSettingsView = z.infer<typeof TownshipSettingsSchema>;

export const SettingsChangeResultSchema = z.object({
  version: SettingsHistoryItemSchema,
  scheduled: z.boolean().describe("true when the version takes effect after today: today's scores are unchanged until then"),
  refreshedHouseholds: z.int().describe("Households whose score rows were recomputed in the same transaction"),
});
export type SettingsChangeResult = z.infer<typeof SettingsChangeResultSchema>;
