import { verifyChains } from "@/lib/api/operations/chains";
import { handle } from "@/lib/server/api/handle";
import { verifyAllChains } from "@/lib/server/chain/verify-chains";

export const POST = handle(verifyChains, ({ actor }) => verifyAllChains(actor));
