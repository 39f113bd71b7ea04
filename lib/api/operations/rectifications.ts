import { defineOperation } from "@/lib/api/operation";
import { IdParamsSchema } from "@/lib/schemas/common";
import { EvidenceSchema, UploadEvidenceSchema } from "@/lib/schemas/evidence";
import {
  DecideRectificationSchema, ListRectificationsQuerySchema, RectificationListSchema, RectificationSchema,
  RequestRectificationSchema,
} from "@/lib/schemas/rectifications";

export const requestRectification = defineOperation({
  id: "requestRectification", method: "POST", path: "/entries/{id}/rectifications", tag: "rectifications",
  permission: "rectifications.request", status: 201,
  summary: "Ask for a corrected yellow (pending or confirmed) to be erased, with a note and photos; the household for itself or a clerk of its village",
  params: IdParamsSchema, body: RequestRectificationSchema, response: RectificationSchema,
});

export const decideRectification = defineOperation({
  id: "decideRectification", method: "POST", path: "/rectifications/{id}/decision", tag: "rectifications",
  permission: "rectifications.decide",
  summary: "Approve (the yellow becomes RECTIFIED and stops counting) or decline with a reason; once only",
  params: IdParamsSchema, body: DecideRectificationSchema, response: RectificationSchema,
});

export const listRectifications = defineOperation({
  id: "listRectifications", method: "GET", path: "/villages/{id}/rectifications", tag: "rectifications",
  permission: "rectifications.list",
  summary: "A village's rectification requests: open ones first (oldest first), then the latest decided",
  params: IdParamsSchema, query: ListRectificationsQuerySchema, response: RectificationListSchema,
});

export const uploadRectificationEvidence = defineOperation({
  id: "uploadRectificationEvidence", method: "POST", path: "/rectifications/evidence", tag: "rectifications",
  permission: "rectifications.request", status: 201,
  summary: "Upload one photo for a rectification request (resized, metadata removed); pass its id in evidenceIds",
  multipart: true, body: UploadEvidenceSchema, response: EvidenceSchema,
});
