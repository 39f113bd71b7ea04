import { z } from "zod";
import { singleLineText } from "./common";
import { ExportFormatSchema } from "./exports";

// The township dashboard (issue 9 point 4): figures per village, quarter and clerk, all SQL
// aggregates of one township. Shares are fractions (0..1), null where there is nothing to divide by.
// The contract between lib/server/dashboard, the API, the page and its charts.

export const DashboardQuerySchema = z.object({
  year: z.coerce.number({ error: "dashboard.validation.year" }).int({ error: "dashboard.validation.year" })
    .min(2000, { error: "dashboard.validation.year" }).max(2100, { error: "dashboard.validation.year" }).optional()
    .describe("The calendar year of the per-year figures; the current year in China when absent"),
  township: singleLineText().min(1).max(20).optional()
    .describe("An administrator's choice of township by code (the first township when absent); an official may only name its own"),
});
export type DashboardQuery = z.infer<typeof DashboardQuerySchema>;

export const DASHBOARD_TABLES = ["byVillageQuarter", "participation", "backlog", "openAppeals", "clerks"] as const;
export type DashboardTable = (typeof DASHBOARD_TABLES)[number];

export const ExportDashboardQuerySchema = DashboardQuerySchema.extend({
  table: z.enum(DASHBOARD_TABLES, { error: "dashboard.validation.table" }).describe("Which of the dashboard's tables"),
  format: ExportFormatSchema,
});
export type ExportDashboardQuery = z.infer<typeof ExportDashboardQuerySchema>;

const VillageRefSchema = z.object({ id: z.uuid(), code: z.string(), name: z.string() });
const QuarterSchema = z.object({ year: z.int(), quarter: z.int().min(1).max(4) });
const ShareSchema = z.number().min(0).max(1).nullable();

const CategoryCountsSchema = z.object({
  red: z.int(),
  yellow: z.int(),
  black: z.int(),
  confirmed: z.int().describe("Of these, confirmed by the representatives' review: CONFIRMED, or a yellow rectified after its confirmation"),
});

const ParticipationSchema = z.object({
  households: z.int().describe("Active households (today's register)"),
  withRed: z.int().describe("Of these, households with at least one confirmed red mark that occurred in the year (maintained score rows)"),
  share: ShareSchema,
});

const AppealAgesSchema = z.object({
  upTo7: z.int().describe("Open appeals lodged 0–7 days ago (China calendar days)"),
  upTo30: z.int().describe("8–30 days"),
  upTo90: z.int().describe("31–90 days"),
  over90: z.int().describe("More than 90 days"),
  total: z.int(),
  oldestDays: z.int().nullable(),
});

export const ClerkFlagSchema = z.object({
  direction: z.enum(["HIGH", "LOW"]),
  share: z.number().describe("The clerk's share of yellow and black entries"),
  norm: z.number().describe("The share over every other clerk of the township, the norm the clerk was compared with"),
  tail: z.number().min(0).max(1).describe("Exact one-sided binomial tail probability of the clerk's yellow and black count against that norm (P(X ≥ x) when above, P(X ≤ x) when below), below tailThreshold"),
  reason: z.string().describe("Why the clerk's records deserve a second look, in the caller's language"),
});
export type ClerkFlagOutput = z.infer<typeof ClerkFlagSchema>;

export const DashboardSchema = z.object({
  township: z.object({ id: z.uuid(), code: z.string(), name: z.string(), county: z.string() }),
  period: z.object({
    year: z.int(),
    years: z.array(z.int()).describe("Years with entries in the township, up to the current year, newest first"),
    today: z.iso.date().describe("The day (China) the age of appeals and the backlog are counted on"),
    currentQuarter: QuarterSchema,
  }),
  byVillageQuarter: z.object({
    rows: z.array(CategoryCountsSchema.extend({ village: VillageRefSchema, quarter: z.int().min(1).max(4) }))
      .describe("Entries that occurred in each quarter of the year (the current year: up to the current quarter), by category, counting PENDING, CONFIRMED and RECTIFIED (not VOIDED or REJECTED)"),
  }),
  participation: z.object({
    villages: z.array(ParticipationSchema.extend({ village: VillageRefSchema })),
    township: ParticipationSchema,
  }),
  backlog: z.object({
    villages: z.array(z.object({
      village: VillageRefSchema,
      pending: z.int().describe("PENDING entries of quarters that have ended"),
      oldestQuarter: QuarterSchema.nullable(),
      openReviews: z.array(QuarterSchema).describe("Quarters whose review is open in the village"),
    })),
    total: z.int(),
  }).describe("As of today, whatever the year"),
  openAppeals: z.object({
    villages: z.array(AppealAgesSchema.extend({ village: VillageRefSchema })),
    township: AppealAgesSchema,
  }).describe("As of today, whatever the year"),
  clerks: z.object({
    norm: z.object({ entries: z.int(), yellowBlack: z.int(), share: ShareSchema }).describe("Every clerk's entries of the year together"),
    minEntries: z.int(),
    tailThreshold: z.number().describe("A clerk is flagged when the one-sided exact binomial tail is below this (0.0062: as strict as a one-sided normal z of 2.5)"),
    rows: z.array(z.object({
      clerk: z.object({ id: z.uuid(), displayName: z.string(), username: z.string() }),
      village: VillageRefSchema.describe("The village the entries were recorded in (one row per clerk and village), not the account's village today"),
      entries: z.int().describe("Entries the clerk recorded in the village that occurred in the year, in any status"),
      yellow: z.int(),
      black: z.int(),
      yellowShare: ShareSchema,
      blackShare: ShareSchema,
      flag: ClerkFlagSchema.nullable().describe("Set when the clerk's share of yellow and black is far from the other clerks': a prompt for a second look, not a finding"),
    })),
  }),
});
export type TownshipDashboard = z.infer<typeof DashboardSchema>;
export type VillageRef = z.infer<typeof VillageRefSchema>;
