import { defineOperation } from "@/lib/api/operation";
import { ChainVerificationSchema } from "@/lib/schemas/chains";

export const verifyChains = defineOperation({
  id: "verifyChains", method: "POST", path: "/chains/verify", tag: "chains", permission: "chains.verify",
  summary: "Verify the hash chain of every household in scope (an official: its township); reads only",
  response: ChainVerificationSchema,
});
