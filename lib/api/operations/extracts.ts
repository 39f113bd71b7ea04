import { z } from "zod";
import { defineOperation } from "@/lib/api/operation";
import { IdParamsSchema } from "@/lib/schemas/common";
import {
  ExtractCodeParamsSchema, ExtractListSchema, ExtractReasonSchema, ExtractSchema, ListExtractsQuerySchema,
  PublicExtractKeySchema, PublicExtractQuerySchema, PublicExtractVerificationSchema, RequestExtractSchema,
} from "@/lib/schemas/extracts";
import { PageQuerySchema } from "@/lib/schemas/common";

// Archive extracts (证明材料, DESIGN.md "Archive extract").

export const requestExtract = defineOperation({
  id: "requestExtract", method: "POST", path: "/households/{id}/extracts", tag: "extracts",
  permission: "extracts.request", status: 201,
  summary: "Ask for an extract for a purpose: the household for itself (REQUESTED), or a clerk of its village (AWAITING_CONSENT until the household confirms); never for the clerk's own household",
  params: IdParamsSchema, body: RequestExtractSchema, response: ExtractSchema,
});

export const listHouseholdExtracts = defineOperation({
  id: "listHouseholdExtracts", method: "GET", path: "/households/{id}/extracts", tag: "extracts",
  permission: "extracts.read", summary: "A household's extracts, newest first",
  params: IdParamsSchema, query: PageQuerySchema, response: ExtractListSchema,
});

export const listExtracts = defineOperation({
  id: "listExtracts", method: "GET", path: "/extracts", tag: "extracts",
  permission: "extracts.list", summary: "The township's extracts: requested ones first (oldest first), then the others (latest first)",
  query: ListExtractsQuerySchema, response: ExtractListSchema,
});

export const getExtract = defineOperation({
  id: "getExtract", method: "GET", path: "/extracts/{id}", tag: "extracts",
  permission: "extracts.read", summary: "One extract; once issued, with its printed content and the verification URL of its QR code",
  params: IdParamsSchema, response: ExtractSchema,
});

export const consentToExtract = defineOperation({
  id: "consentToExtract", method: "POST", path: "/extracts/{id}/consent", tag: "extracts",
  permission: "extracts.consent", summary: "The household confirms a clerk's request (AWAITING_CONSENT → REQUESTED)",
  params: IdParamsSchema, response: ExtractSchema,
});

export const refuseExtract = defineOperation({
  id: "refuseExtract", method: "POST", path: "/extracts/{id}/refuse", tag: "extracts",
  permission: "extracts.consent", summary: "The household refuses a clerk's request (AWAITING_CONSENT → DECLINED)",
  params: IdParamsSchema, response: ExtractSchema,
});

export const issueExtract = defineOperation({
  id: "issueExtract", method: "POST", path: "/extracts/{id}/issue", tag: "extracts",
  permission: "extracts.issue", summary: "A township official issues a requested extract: its content is frozen and signed (EdDSA, the township's Ed25519 key)",
  params: IdParamsSchema, response: ExtractSchema,
});

export const declineExtract = defineOperation({
  id: "declineExtract", method: "POST", path: "/extracts/{id}/decline", tag: "extracts",
  permission: "extracts.issue", summary: "A township official declines a requested extract, with a reason",
  params: IdParamsSchema, body: ExtractReasonSchema, response: ExtractSchema,
});

export const revokeExtract = defineOperation({
  id: "revokeExtract", method: "POST", path: "/extracts/{id}/revoke", tag: "extracts",
  permission: "extracts.revoke", summary: "A township official revokes an issued extract, with a reason; the public check then says so",
  params: IdParamsSchema, body: ExtractReasonSchema, response: ExtractSchema,
});

export const downloadExtractJws = defineOperation({
  id: "downloadExtractJws", method: "GET", path: "/extracts/{id}/jws", tag: "extracts",
  permission: "extracts.read", summary: "The signed extract (电子版): its compact JWS, for `npm run verify:extract`",
  params: IdParamsSchema, response: z.file(), produces: "application/jose",
});

export const verifyExtract = defineOperation({
  id: "verifyExtract", method: "GET", path: "/public/extracts/{code}", tag: "extracts",
  permission: null, summary: "Public: whether an extract is authentic, unexpired and unrevoked, and what it prints; 404 for any code not issued; rate-limited per address (429)",
  params: ExtractCodeParamsSchema, query: PublicExtractQuerySchema, response: PublicExtractVerificationSchema, rateLimited: true,
});

export const getExtractKey = defineOperation({
  id: "getExtractKey", method: "GET", path: "/public/extract-key", tag: "extracts",
  permission: null, summary: "Public: the township's Ed25519 public key (JWK, kid = RFC 7638 thumbprint) that signs extracts",
  response: PublicExtractKeySchema,
});
