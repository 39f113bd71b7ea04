"use server";

import type { ChainVerification } from "@/lib/schemas/chains";
import { actionError } from "@/lib/server/action-result";
import { requireActor } from "@/lib/server/auth/current-actor";
import { verifyAllChains } from "@/lib/server/chain/verify-chains";

export type VerifyChainsState = { ok?: boolean; message?: string; result?: ChainVerification };

export async function verifyChainsAction(_previous: VerifyChainsState): Promise<VerifyChainsState> {
  const actor = await requireActor("chains.verify");
  try {
    return { ok: true, result: await verifyAllChains(actor) };
  } catch (error) {
    return actionError(error);
  }
}
