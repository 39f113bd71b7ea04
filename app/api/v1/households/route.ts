import { createHousehold as createOperation, searchHouseholds as searchOperation } from "@/lib/api/operations/households";
import { handle } from "@/lib/server/api/handle";
import { createHousehold } from "@/lib/server/households/create-household";
import { searchHouseholds } from "@/lib/server/households/search-households";

export const GET = handle(searchOperation, ({ actor, query }) => searchHouseholds(actor, query));
export const POST = handle(createOperation, ({ actor, body, context }) => createHousehold(actor, body, context));
