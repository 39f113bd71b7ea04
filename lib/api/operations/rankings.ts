import { defineOperation } from "@/lib/api/operation";
import { IdParamsSchema } from "@/lib/schemas/common";
import { ExportFileSchema, XLSX_TYPE } from "@/lib/schemas/exports";
import { ExportRankingsQuerySchema, HouseholdScoresQuerySchema, HouseholdScoresSchema, RankingsPageSchema, RankingsQuerySchema } from "@/lib/schemas/rankings";

// Rankings by the maintained scores (issue 9 points 2 and 3).

export const getRankings = defineOperation({
  id: "getRankings", method: "GET", path: "/township/rankings", tag: "township", permission: "rankings.read",
  summary: "Active households by score for a year or all time, township-wide or in one village (a clerk: his own village), ties sharing a rank; a search keeps each household's rank in the scope",
  query: RankingsQuerySchema, response: RankingsPageSchema,
});

export const exportRankings = defineOperation({
  id: "exportRankings", method: "GET", path: "/township/rankings/export", tag: "township", permission: "rankings.read",
  summary: "The ranking with the same filters, every matching row, as .xlsx or (format=csv) text/csv, with the page's headers in the caller's language",
  query: ExportRankingsQuerySchema, response: ExportFileSchema, produces: XLSX_TYPE,
});

export const getHouseholdScores = defineOperation({
  id: "getHouseholdScores", method: "GET", path: "/households/{id}/scores", tag: "archive", permission: "archive.read",
  summary: "The household's maintained score rows (all time, then each year) with the settings each was computed with",
  params: IdParamsSchema, query: HouseholdScoresQuerySchema, response: HouseholdScoresSchema,
});
