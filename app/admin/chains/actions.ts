"use server";

import { defineAction } from "@/lib/server/actions/define-action";
import { verifyAllChains } from "@/lib/server/chain/verify-chains";

export const verifyChainsAction = defineAction({
  permission: "chains.verify",
  run: ({ actor }) => verifyAllChains(actor),
  answer: (result) => ({ result }),
});
