import "server-only";
import { localeOfRequest } from "@/lib/i18n/translator";
import { AppError } from "@/lib/server/errors";
import { errorResponse } from "./error-response";

/**
 * The answer for an /api/ path that names nothing — no route has it, or it is not even valid
 * percent-encoding: the JSON error every route answers with, never Next's HTML page or bare 500.
 */
export function apiNotFound(request: Request): Response {
  return errorResponse(new AppError("NOT_FOUND", "errors.notFound"), localeOfRequest(request.headers));
}

/** Whether a path decodes: "%", "%ZZ" or a truncated UTF-8 sequence does not. */
export function isDecodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}
