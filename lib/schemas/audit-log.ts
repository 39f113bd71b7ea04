import { z } from "zod";
import { cursorPageOf, DateTimeSchema, daySchema, pageParams, singleLineText } from "./common";

// A GET form sends empty fields for the filters left blank; they mean "no filter".
const blankAsAbsent = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const filter = <S extends z.ZodType>(schema: S) => z.preprocess(blankAsAbsent, schema.optional());
const text = (max: number) => singleLineText().max(max, { error: "validation.too_big" });
const day = daySchema();

export const AuditLogQuerySchema = z.object({
  action: filter(text(100)).describe("An action's full name (\"auth.signIn\") for that action only; other text for the actions starting with it, e.g. \"token\" or \"auth.\""),
  actor: filter(text(100)).describe("Username of the account that acted"),
  targetType: filter(text(60)).describe("e.g. \"Account\", \"ApiToken\""),
  targetId: filter(text(100)),
  from: filter(day).describe("First day, inclusive (China Standard Time)"),
  to: filter(day).describe("Last day, inclusive (China Standard Time)"),
  cursor: filter(singleLineText().regex(/^\d{1,15}-\d{1,18}$/, { error: "validation.invalidCursor" }))
    .describe("nextCursor of the previous page"),
  pageSize: z.preprocess(blankAsAbsent, pageParams().pageSize),
});
export type AuditLogQuery = z.infer<typeof AuditLogQuerySchema>;

export const AuditRecordSchema = z.object({
  id: z.string().describe("Sequence number of the record"),
  createdAt: DateTimeSchema,
  action: z.string(),
  actor: z.object({ username: z.string(), displayName: z.string() }).nullable(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  townshipId: z.uuid().nullable(),
  villageId: z.uuid().nullable(),
  before: z.unknown().describe("The target before the write (JSON), if any"),
  after: z.unknown().describe("The target after the write (JSON), if any"),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type AuditRecordView = z.infer<typeof AuditRecordSchema>;

// Offsets do not scale over the whole log: it is read with a cursor, newest first.
export const AuditLogPageSchema = cursorPageOf(AuditRecordSchema);
export type AuditLogPage = z.infer<typeof AuditLogPageSchema>;
