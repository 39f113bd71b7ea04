import { defineOperation } from "@/lib/api/operation";
import { AppealPageSchema, AppealSchema, ListAppealsQuerySchema, LodgeAppealSchema, ResolveAppealSchema } from "@/lib/schemas/appeals";
import { IdParamsSchema } from "@/lib/schemas/common";

export const lodgeAppeal = defineOperation({
  id: "lodgeAppeal", method: "POST", path: "/entries/{id}/appeals", tag: "appeals", permission: "appeals.lodge", status: 201,
  summary: "Dispute one of the household's own yellow or black entries, pending or confirmed, with a reason; one open appeal per entry (a red, or an entry rejected, voided or rectified, is 422)",
  params: IdParamsSchema, body: LodgeAppealSchema, response: AppealSchema,
});

export const resolveAppeal = defineOperation({
  id: "resolveAppeal", method: "POST", path: "/appeals/{id}/resolution", tag: "appeals", permission: "appeals.resolve",
  summary: "UPHELD voids the entry (a VOIDED event carrying the appeal); DISMISSED keeps it; the resolution is shown to the household",
  params: IdParamsSchema, body: ResolveAppealSchema, response: AppealSchema,
});

export const listOpenAppeals = defineOperation({
  id: "listOpenAppeals", method: "GET", path: "/appeals", tag: "appeals", permission: "appeals.list",
  summary: "Open appeals (by default) with their age in days, oldest first: a clerk's village, an official's township",
  query: ListAppealsQuerySchema, response: AppealPageSchema,
});
