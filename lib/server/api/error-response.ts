import "server-only";
import { z } from "zod";
import type { Locale } from "@/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { isDatabaseUnavailable } from "@/lib/server/database-unavailable";
import { AppError, type RateLimit } from "@/lib/server/errors";
import { jsonResponse } from "./json-response";

// A restarted PostgreSQL server accepts connections again within seconds.
const RETRY_AFTER_SECONDS = 5;

type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * One failing field of a refused request: `code` is the stable catalogue key (what a client
 * branches on), `message` the sentence in the language the request asked for.
 */
export type FieldError = { field: string; code: string; message: string };

// Errors are JSON { error: { code, message, details? } } with the status of their code; details
// is a list of FieldError, translated like the message (Accept-Language: zh-CN by default, en).
export function errorResponse(error: unknown, locale: Locale): Response {
  const t = translatorFor(locale);
  const translate: Translate = (key, values) => (t.has(key as never) ? t(key as never, values as never) : key);
  if (error instanceof z.ZodError) {
    return json(400, { code: "INVALID_INPUT", message: translate("errors.invalidInput"), details: fieldErrorList(error, translate) });
  }
  if (error instanceof AppError) {
    return json(error.status, {
      code: error.code, message: translate(error.message, error.values), ...detailsOf(error.details, translate),
    }, error.rateLimit ? rateLimitHeaders(error.rateLimit) : {});
  }
  if (isDatabaseUnavailable(error)) {
    console.error("database unavailable:", error);
    return json(503, { code: "SERVICE_UNAVAILABLE", message: translate("errors.serviceUnavailable") }, { "Retry-After": String(RETRY_AFTER_SECONDS) });
  }
  console.error(error);
  return json(500, { code: "INTERNAL", message: translate("errors.internal") });
}

/** The failing fields of a zod error, first issue per field. Schema messages are catalogue keys ("validation.…"). */
export function fieldErrorList(error: z.ZodError, translate: Translate): FieldError[] {
  const out = new Map<string, FieldError>();
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "_";
    if (out.has(field)) continue;
    const code = issue.message.startsWith("validation.") ? issue.message : `validation.${issue.code}`;
    out.set(field, { field, code, message: translate(code) });
  }
  return [...out.values()];
}

/** Field path → translated message, for the pages' forms. */
export function fieldErrors(error: z.ZodError, translate: Translate): Record<string, string> {
  return Object.fromEntries(fieldErrorList(error, translate).map((d) => [d.field, d.message]));
}

/**
 * An AppError's details: a map of field → catalogue key (what use cases throw) becomes the list;
 * a refused import's report keeps its problems as details (one per cell) and the report itself.
 */
function detailsOf(details: unknown, translate: Translate): { details?: FieldError[]; report?: unknown } {
  if (!details || typeof details !== "object") return {};
  if (isReport(details)) {
    return {
      details: details.problems.map((p) => ({
        field: p.column ? `row ${p.row}: ${p.column}` : `row ${p.row}`, code: "householdImport.problem", message: p.message,
      })),
      report: details,
    };
  }
  return {
    details: Object.entries(details).map(([field, key]) => ({ field, code: String(key), message: translate(String(key)) })),
  };
}

type Report = { problems: { row: number; column: string; message: string }[] };
const isReport = (value: object): value is Report => Array.isArray((value as Partial<Report>).problems);

function json(status: number, error: Record<string, unknown>, headers: Record<string, string> = {}): Response {
  return jsonResponse({ error }, status, headers);
}

/** Retry-After and the IETF draft's RateLimit-Limit/Remaining/Reset, all in whole seconds. */
export function rateLimitHeaders({ limit, remaining, resetAt }: RateLimit, now = Date.now()): Record<string, string> {
  const seconds = String(Math.max(0, Math.ceil((resetAt.getTime() - now) / 1000)));
  return { "Retry-After": seconds, "RateLimit-Limit": String(limit), "RateLimit-Remaining": String(Math.max(0, remaining)), "RateLimit-Reset": seconds };
}
