import { readAnswer, type Attempt } from "@/lib/api/attempt";

// An upload a weak signal leaves hanging is given up after this long and sent again.
const TIMEOUT_MS = 60_000;

/**
 * One attempt to upload a photo: its id, the server's reason to refuse it, or no answer at all.
 * Every attempt for one photo carries the photo's own `key` as its Idempotency-Key, so a retry
 * after a lost answer gets the photo already stored instead of storing it twice.
 */
export async function uploadPhoto(endpoint: string, key: string, file: Blob, name: string): Promise<Attempt<{ id: string }>> {
  const body = new FormData();
  body.append("file", file, name);
  try {
    const response = await fetch(endpoint, {
      method: "POST", headers: { "Idempotency-Key": key }, body, signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    return readAnswer(response.status, await response.json(), response.headers.get("Idempotency-Replayed") === "true");
  } catch {
    return { kind: "unanswered" };
  }
}
