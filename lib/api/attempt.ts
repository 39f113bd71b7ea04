// A write from a phone on a weak signal either got the API's answer or did not. What it learned
// decides what is safe next: after "done" or "refused" the server has said what it did; after
// "unanswered" the write may or may not have happened, and only a retry that the server
// recognises (the same idempotency key) is safe.

export type Attempt<T> =
  | { kind: "done"; value: T; replayed: boolean }
  // The API refused it: nothing was written. One message per field, as the form shows them.
  | { kind: "refused"; message: string; fieldErrors: Record<string, string> }
  | { kind: "unanswered" };

type ApiError = { error: { message: string; details?: { field: string; message: string }[] } };

/**
 * Reads an answer that arrived (status and parsed JSON body). A 5xx, or a body that is not the
 * API's (a carrier's or proxy's page answering instead), says nothing about the write.
 */
export function readAnswer<T>(status: number, body: unknown, replayed: boolean): Attempt<T> {
  if (status >= 200 && status < 300 && body !== null && typeof body === "object") return { kind: "done", value: body as T, replayed };
  if (status >= 500 || !isApiError(body)) return { kind: "unanswered" };
  const fieldErrors: Record<string, string> = {};
  // The API names a field by its path (evidenceIds.0); the first message of each field is shown.
  for (const { field, message } of body.error.details ?? []) fieldErrors[field.split(".")[0]!] ??= message;
  return { kind: "refused", message: body.error.message, fieldErrors };
}

function isApiError(body: unknown): body is ApiError {
  const error = (body as Partial<ApiError> | null)?.error;
  return typeof error === "object" && error !== null && typeof error.message === "string";
}
