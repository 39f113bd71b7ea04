type Upload = { kind: "uploaded"; id: string } | { kind: "refused"; message?: string } | { kind: "unanswered" };

// A photo of a weak signal's upload is given up after this long and sent again.
const TIMEOUT_MS = 60_000;

/** One attempt to upload a photo: its id, the server's reason to refuse it, or no answer at all. */
export async function uploadPhoto(endpoint: string, file: Blob, name: string): Promise<Upload> {
  const body = new FormData();
  body.append("file", file, name);
  let response: Response;
  let json: { id?: string; error?: { message?: string; details?: { field: string; message: string }[] } };
  try {
    response = await fetch(endpoint, { method: "POST", body, signal: AbortSignal.timeout(TIMEOUT_MS) });
    json = await response.json();
  } catch {
    return { kind: "unanswered" };
  }
  if (response.ok && json.id) return { kind: "uploaded", id: json.id };
  if (response.status >= 500 || !json.error) return { kind: "unanswered" };
  // The API's details list the failing fields, each with its translated message.
  return { kind: "refused", message: json.error.details?.find((d) => d.field === "file")?.message ?? json.error.message };
}
