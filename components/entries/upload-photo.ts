import { readAnswer, type Attempt } from "@/lib/api/attempt";

// An upload a weak signal leaves hanging is given up after this long and sent again.
const TIMEOUT_MS = 60_000;

/** One attempt to upload a photo: its id, the server's reason to refuse it, or no answer at all. */
export async function uploadPhoto(endpoint: string, file: Blob, name: string): Promise<Attempt<{ id: string }>> {
  const body = new FormData();
  body.append("file", file, name);
  try {
    const response = await fetch(endpoint, { method: "POST", body, signal: AbortSignal.timeout(TIMEOUT_MS) });
    return readAnswer(response.status, await response.json(), false);
  } catch {
    return { kind: "unanswered" };
  }
}
