import { z } from "zod";
import { defineOperation } from "@/lib/api/operation";
import { IdParamsSchema } from "@/lib/schemas/common";
import {
  EntryDetailSchema, EntryPageSchema, ListVillageEntriesQuerySchema, RecordEntrySchema, RulesInForceQuerySchema,
  RulesInForceSchema, VoidEntrySchema,
} from "@/lib/schemas/entries";
import { EvidenceSchema, UploadEvidenceSchema } from "@/lib/schemas/evidence";

export const recordEntry = defineOperation({
  id: "recordEntry", method: "POST", path: "/entries", tag: "entries", permission: "entries.record",
  summary: "Record a mark (PENDING until the quarterly review); a retry with the same idempotencyKey (or Idempotency-Key header) answers 201 with the same entry",
  body: RecordEntrySchema, response: EntryDetailSchema, status: 201,
});

export const voidEntry = defineOperation({
  id: "voidEntry", method: "POST", path: "/entries/{id}/void", tag: "entries", permission: "entries.void",
  summary: "Withdraw an entry with a reason (a VOIDED event; nothing is deleted)",
  params: IdParamsSchema, body: VoidEntrySchema, response: EntryDetailSchema,
});

export const getEntry = defineOperation({
  id: "getEntry", method: "GET", path: "/entries/{id}", tag: "entries", permission: "entries.read",
  summary: "One entry with its events and evidence photos",
  params: IdParamsSchema, response: EntryDetailSchema,
});

export const listVillageEntries = defineOperation({
  id: "listVillageEntries", method: "GET", path: "/villages/{id}/entries", tag: "entries", permission: "entries.list",
  summary: "A village's entries, newest first, filtered by quarter, status, category, rule or household",
  params: IdParamsSchema, query: ListVillageEntriesQuerySchema, response: EntryPageSchema,
});

export const listRulesInForce = defineOperation({
  id: "listRulesInForce", method: "GET", path: "/villages/{id}/rules", tag: "entries", permission: "rules.read",
  summary: "The rules of the village's rule set in force on a day (those an entry of that day may cite)",
  params: IdParamsSchema, query: RulesInForceQuerySchema, response: RulesInForceSchema,
});

export const uploadEvidence = defineOperation({
  id: "uploadEvidence", method: "POST", path: "/evidence", tag: "entries", permission: "evidence.upload",
  summary: "Upload one evidence photo (resized, metadata removed); pass its id in evidenceIds when recording",
  multipart: true, body: UploadEvidenceSchema, response: EvidenceSchema, status: 201, rateLimited: true,
});

export const downloadEvidence = defineOperation({
  id: "downloadEvidence", method: "GET", path: "/evidence/{id}", tag: "entries", permission: "entries.read",
  summary: "The photo, for those who may read its entry",
  params: IdParamsSchema, response: z.file(), produces: "image/jpeg",
});
