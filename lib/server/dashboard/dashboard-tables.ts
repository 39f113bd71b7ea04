import "server-only";
import type { Locale } from "@/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import type { DashboardTable, TownshipDashboard } from "@/lib/schemas/dashboard";

// Each table of the dashboard defined once, for the page and for its XLSX and CSV exports, so that
// a download holds exactly the rows the page shows, with the page's headers.

export type CellKind = "text" | "count" | "percent" | "flag";
export type Cell = string | number | null;
export type Tone = "RED" | "YELLOW" | "BLACK";
export type TableSpec = {
  key: DashboardTable;
  columns: { header: string; kind: CellKind; width: number; tone?: Tone }[];
  // Consecutive rows with the same first cell form a group (a village's quarters).
  grouped: boolean;
  rows: Cell[][];
  totals: Cell[] | null; // the township row under the villages
};

/** A share (0..1) as a percentage with one decimal, as the page shows it and the files hold it. */
export const percent = (share: number | null): number | null => (share === null ? null : Math.round(share * 1000) / 10);

export function dashboardTables(dashboard: TownshipDashboard, locale: Locale): Record<DashboardTable, TableSpec> {
  const t = translatorFor(locale);
  const h = (key: string) => t(`dashboard.columns.${key}` as Parameters<typeof t>[0]);
  const col = (key: string, kind: CellKind, width = 10, tone?: Tone) => ({ header: h(key), kind, width, ...(tone && { tone }) });
  const village = col("village", "text", 16);
  const quarterName = (q: { year: number; quarter: number } | null) => (q ? t("dashboard.quarterOfYear", q) : null);
  const { byVillageQuarter: vq, participation: p, backlog: b, openAppeals: a, clerks: c } = dashboard;
  const ages = (r: typeof a.township) => [r.upTo7, r.upTo30, r.upTo90, r.over90, r.total, r.oldestDays];
  return {
    byVillageQuarter: {
      key: "byVillageQuarter",
      columns: [village, col("quarter", "text", 8), col("red", "count", 10, "RED"), col("yellow", "count", 10, "YELLOW"), col("black", "count", 10, "BLACK"), col("confirmed", "count", 12)],
      grouped: true,
      rows: vq.rows.map((r) => [r.village.name, t("dashboard.quarter", { quarter: r.quarter }), r.red, r.yellow, r.black, r.confirmed]),
      totals: null,
    },
    participation: {
      key: "participation",
      grouped: false,
      columns: [village, col("households", "count"), col("withRed", "count", 14), col("participation", "percent", 12)],
      rows: p.villages.map((r) => [r.village.name, r.households, r.withRed, percent(r.share)]),
      totals: [t("dashboard.township"), p.township.households, p.township.withRed, percent(p.township.share)],
    },
    backlog: {
      key: "backlog",
      grouped: false,
      columns: [village, col("backlogPending", "count", 14), col("oldestQuarter", "text", 14), col("openReview", "text", 16)],
      rows: b.villages.map((r) => [r.village.name, r.pending, quarterName(r.oldestQuarter), r.openReviews.map(quarterName).join(locale === "en" ? ", " : "、") || null]),
      totals: [t("dashboard.township"), b.total, null, null],
    },
    openAppeals: {
      key: "openAppeals",
      grouped: false,
      columns: [village, col("upTo7", "count"), col("upTo30", "count"), col("upTo90", "count"), col("over90", "count"), col("appealsTotal", "count"), col("oldestDays", "count", 12)],
      rows: a.villages.map((r) => [r.village.name, ...ages(r)]),
      totals: [t("dashboard.township"), ...ages(a.township)],
    },
    clerks: {
      key: "clerks",
      grouped: false,
      columns: [col("clerk", "text", 12), village, col("entries", "count"), col("yellowShare", "percent", 12, "YELLOW"), col("blackShare", "percent", 12, "BLACK"), col("flag", "flag", 48)],
      rows: c.rows.map((r) => [r.clerk.displayName, r.village.name, r.entries, percent(r.yellowShare), percent(r.blackShare), r.flag?.reason ?? null]),
      totals: [t("dashboard.township"), null, c.norm.entries, null, null, null],
    },
  };
}
