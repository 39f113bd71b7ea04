import type { ApiPaths } from "@/lib/api/client";

export type RecordEntryBody = ApiPaths["/api/v1/entries"]["post"]["requestBody"]["content"]["application/json"];

/** What one attempt to record an entry learned. */
export type Attempt =
  | { kind: "recorded"; id: string; replayed: boolean }
  // The server answered that it recorded nothing: a field to correct, a rule not met.
  | { kind: "refused"; message: string; fieldErrors: Record<string, string> }
  // No answer, or the server failed: the entry may or may not be recorded. Only a retry with the
  // same idempotency key is safe; it answers with the entry if the first attempt got through.
  | { kind: "unanswered" };

// A request a weak signal leaves hanging is given up after this long and retried with the same key.
const TIMEOUT_MS = 30_000;

/**
 * One attempt through the JSON API rather than a Server Action: an action cannot be given up on
 * (the router queues actions one at a time, so a hung one holds back the retry), and its failure
 * does not say whether the server refused the entry or never answered.
 */
export async function postEntry(body: RecordEntryBody): Promise<Attempt> {
  let response: Response;
  let json: ApiAnswer | null;
  try {
    response = await fetch("/api/v1/entries", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    json = (await response.json()) as ApiAnswer;
  } catch {
    return { kind: "unanswered" }; // no connection, timed out, or the answer was cut off
  }
  if (response.ok && json?.id) {
    return { kind: "recorded", id: json.id, replayed: response.headers.get("Idempotency-Replayed") === "true" };
  }
  // A 5xx, or something in between (a carrier's page) answering instead of the server.
  if (response.status >= 500 || !json?.error) return { kind: "unanswered" };
  return { kind: "refused", message: json.error.message, fieldErrors: fieldErrorsOf(json.error.details ?? []) };
}

type ApiAnswer = { id?: string; error?: { message: string; details?: { field: string; message: string }[] } };

// The API names a field by its path (evidenceIds.0); the form shows one message per field.
function fieldErrorsOf(details: { field: string; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const { field, message } of details) errors[field.split(".")[0]!] ??= message;
  return errors;
}
