import { downloadExtractJws as operation } from "@/lib/api/operations/extracts";
import { handle } from "@/lib/server/api/handle";
import { getExtractJws } from "@/lib/server/extracts/list-extracts";

// The signed extract (电子版) as a file, for `npm run verify:extract -- <file> --key <key>`.
export const GET = handle(operation, async ({ actor, params }) => {
  const { code, jws } = await getExtractJws(actor, params.id);
  return new Response(jws, {
    headers: {
      "Content-Type": "application/jose", "Cache-Control": "no-store",
      "Content-Disposition": `attachment; filename="extract-${code}.jws"`,
    },
  });
});
