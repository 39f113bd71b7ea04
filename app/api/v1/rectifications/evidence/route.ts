import { uploadRectificationEvidence as operation } from "@/lib/api/operations/rectifications";
import { handle } from "@/lib/server/api/handle";
import { uploadEvidence } from "@/lib/server/evidence/upload-evidence";

export const POST = handle(operation, ({ actor, body, context }) => uploadEvidence(actor, body.file, context, "rectification"));
