import type { ApiPaths } from "@/lib/api/client";
import { readAnswer, type Attempt } from "@/lib/api/attempt";

type Recording = ApiPaths["/api/v1/entries"]["post"];
export type RecordEntryBody = Recording["requestBody"]["content"]["application/json"];
type EntryAttempt = Attempt<Recording["responses"][201]["content"]["application/json"]>;

// A request a weak signal leaves hanging is given up after this long and retried with the same key.
const TIMEOUT_MS = 30_000;

/**
 * One attempt through the JSON API rather than a Server Action: an action cannot be given up on
 * (the router queues actions one at a time, so a hung one holds back the retry), and its failure
 * does not say whether the server refused the entry or never answered (ADR 0016).
 */
export async function postEntry(body: RecordEntryBody): Promise<EntryAttempt> {
  try {
    const response = await fetch("/api/v1/entries", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    return readAnswer(response.status, await response.json(), response.headers.get("Idempotency-Replayed") === "true");
  } catch {
    return { kind: "unanswered" }; // no connection, timed out, or the answer was cut off
  }
}
