import { downloadEvidence as operation } from "@/lib/api/operations/entries";
import { handle } from "@/lib/server/api/handle";
import { readEvidence } from "@/lib/server/evidence/read-evidence";

export const GET = handle(operation, async ({ actor, params, request }) => {
  const photo = await readEvidence(actor, params.id);
  // Revalidated on every view (access can be withdrawn), but a phone that has the photo
  // downloads it only once: a stored photo never changes, so its hash is its tag.
  const headers = {
    "Cache-Control": "private, no-cache",
    ETag: `"${photo.sha256}"`,
    "X-Content-Type-Options": "nosniff",
  };
  if (request.headers.get("if-none-match") === headers.ETag) return new Response(null, { status: 304, headers });
  return new Response(Buffer.from(photo.bytes), {
    headers: { ...headers, "Content-Type": photo.mimeType, "Content-Length": String(photo.bytes.byteLength), "Content-Disposition": "inline" },
  });
});
