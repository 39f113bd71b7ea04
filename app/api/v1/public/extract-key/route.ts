import { getExtractKey as operation } from "@/lib/api/operations/extracts";
import { handle } from "@/lib/server/api/handle";
import { publicExtractKey } from "@/lib/server/extracts/verify-extract-code";

// Public: the township's public key, for the offline verifier. Downloaded as a .jwk file with ?download.
export const GET = handle(operation, async ({ request }) => {
  const key = await publicExtractKey();
  if (!new URL(request.url).searchParams.has("download")) return key;
  return new Response(JSON.stringify(key, null, 2), {
    headers: { "Content-Type": "application/jwk+json", "Content-Disposition": `attachment; filename="township-public-key.jwk"` },
  });
});
