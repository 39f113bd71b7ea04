import "server-only";
import { z } from "zod";
import type { Locale } from "@/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { AppError } from "@/lib/server/errors";

// Errors are JSON { error: { code, message, details? } } with the status of their code.
export function errorResponse(error: unknown, locale: Locale): Response {
  const t = translatorFor(locale);
  const translate = (key: string, values?: Record<string, string | number>) =>
    t.has(key as never) ? t(key as never, values as never) : key;
  if (error instanceof z.ZodError) {
    const details = fieldErrors(error, translate);
    return json(400, { code: "INVALID_INPUT", message: translate("errors.invalidInput"), details });
  }
  if (error instanceof AppError) {
    return json(error.status, { code: error.code, message: translate(error.message, error.values), details: error.details });
  }
  console.error(error);
  return json(500, { code: "INTERNAL", message: translate("errors.internal") });
}

/** Field path → translated message. Schema messages are catalogue keys ("validation.…"). */
export function fieldErrors(error: z.ZodError, translate: (key: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.join(".") || "_";
    if (out[path]) continue;
    out[path] = issue.message.startsWith("validation.") ? translate(issue.message) : translate(`validation.${issue.code}`);
  }
  return out;
}

function json(status: number, error: Record<string, unknown>): Response {
  return Response.json({ error }, { status, headers: { "Cache-Control": "no-store" } });
}
