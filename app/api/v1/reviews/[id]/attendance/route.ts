import { recordAttendance as operation } from "@/lib/api/operations/reviews";
import { handle } from "@/lib/server/api/handle";
import { recordAttendance } from "@/lib/server/reviews/record-attendance";

export const POST = handle(operation, ({ actor, params, body, context }) => recordAttendance(actor, params.id, body, context));
