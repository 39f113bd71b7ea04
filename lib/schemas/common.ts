import { z } from "zod";

// Messages are catalogue keys ("validation.…"), translated where they are shown.
export const IdSchema = z.uuid({ error: "validation.invalidId" });
export const IdParamsSchema = z.object({ id: IdSchema });

// Every string a client sends (query, body, form, import cell) is built here, so that one rule
// decides what text may hold: PostgreSQL refuses NUL in text (the request would end in a 500),
// and no other C0 control character belongs in what people type. Tab and line breaks are
// allowed only where text may span lines. Written as patterns, they show in the OpenAPI document.
const SINGLE_LINE = /^[^\u0000-\u001f]*$/;
const MULTI_LINE = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f]*$/;

type TextOptions = {
  multiline?: boolean;
  /** Passwords are taken exactly as typed. */
  trim?: boolean;
  /** The message when the value is not a string at all (absent, a number…). */
  error?: string;
  controlError?: string;
};

/** A string from a client: trimmed, then refused if it holds a control character. */
export function textSchema({ multiline = false, trim = true, error, controlError = "validation.controlCharacters" }: TextOptions = {}) {
  const base = error ? z.string({ error }) : z.string();
  return (trim ? base.trim() : base).regex(multiline ? MULTI_LINE : SINGLE_LINE, { error: controlError });
}

/** One line: names, numbers, search boxes, filters. */
export const singleLineText = (error?: string) => textSchema({ ...(error && { error }) });
/** Descriptions, reasons and notes, which may span lines. */
export const multiLineText = (error?: string) => textSchema({ multiline: true, ...(error && { error }) });

export const PasswordSchema = textSchema({ trim: false })
  .min(8, { error: "validation.passwordTooShort" })
  .max(128, { error: "validation.passwordTooLong" })
  .regex(/[A-Za-z]/, { error: "validation.passwordNeedsLetter" })
  .regex(/\d/, { error: "validation.passwordNeedsDigit" });

// One list shape for the whole API (STYLE.md "One list shape"): every list takes `page` and
// `pageSize` (at most MAX_PAGE_SIZE) and answers { items, page, pageSize, total }; the audit log,
// where offsets cannot scale, takes `cursor` and answers { items, nextCursor } instead.
export const MAX_PAGE_SIZE = 200;
export const MAX_PAGE = 100_000;
export const DEFAULT_PAGE_SIZE = 50;

/** The `page` and `pageSize` query parameters of every list; spread into its query schema. */
export const pageParams = (defaultPageSize: number = DEFAULT_PAGE_SIZE) => ({
  page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1).describe("1 for the first page"),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(defaultPageSize)
    .describe(`Items per page, at most ${MAX_PAGE_SIZE}`),
});

export const PageQuerySchema = z.object(pageParams());
export type PageQuery = z.infer<typeof PageQuerySchema>;

/** The answer of every paged list. */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({
  items: z.array(item),
  page: z.int(),
  pageSize: z.int(),
  total: z.int().describe("Items on all pages"),
});

/** The answer of a list read with a cursor (the audit log). */
export const cursorPageOf = <T extends z.ZodType>(item: T) => z.object({
  items: z.array(item),
  nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page"),
});

export const DateTimeSchema = z.iso.datetime();

const EARLIEST_DAY = "1900-01-01";

/**
 * A calendar day from a client, "YYYY-MM-DD": one that exists (z.iso.date refuses 2026-02-30),
 * in 1900 or later. ISO 8601 has a year 0000 and PostgreSQL has none, so such a day — or a China
 * day of year 0001, which begins in year 0000 in UTC — ended in a 500; nothing in the archive
 * predates 1900 (birth years start there).
 */
export const daySchema = (error = "validation.invalidDate") => z.iso.date({ error }).refine((day) => day >= EARLIEST_DAY, { error });
