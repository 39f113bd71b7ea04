import { defineOperation } from "@/lib/api/operation";
import { HouseholdArchiveSchema } from "@/lib/schemas/archive";
import { IdParamsSchema } from "@/lib/schemas/common";

export const getHouseholdArchive = defineOperation({
  id: "getHouseholdArchive", method: "GET", path: "/households/{id}/archive", tag: "archive", permission: "archive.read",
  summary: "A household's archive: score this year and in all, civilized-family eligibility this year and why, every entry with its evidence, rectifications and appeals",
  params: IdParamsSchema, response: HouseholdArchiveSchema,
});
