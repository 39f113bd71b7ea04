import { getHonourBoard as operation } from "@/lib/api/operations/selection";
import { handle } from "@/lib/server/api/handle";
import { getHonourBoard } from "@/lib/server/selection/get-honour-board";

// Public: no sign-in, no actor. Awarded families and their red entries only.
export const GET = handle(operation, ({ actor, query }) => getHonourBoard(query, actor));
