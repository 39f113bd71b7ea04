"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { IdParamsSchema } from "@/lib/schemas/common";
import { CreateTokenSchema } from "@/lib/schemas/tokens";
import { actionError, type ActionState } from "@/lib/server/action-result";
import { requireActor } from "@/lib/server/auth/current-actor";
import { requestContextFrom } from "@/lib/server/request-context";
import { createToken } from "@/lib/server/tokens/create-token";
import { revokeToken } from "@/lib/server/tokens/revoke-token";

export type TokenActionState = ActionState & {
  token?: string; // the new token, shown this once
  name?: string; // what was typed, kept when the form is refused
};

export async function createTokenAction(_previous: TokenActionState, formData: FormData): Promise<TokenActionState> {
  const actor = await requireActor("tokens.manageOwn");
  const name = String(formData.get("name") ?? "");
  try {
    const created = await createToken(actor, CreateTokenSchema.parse({ name }), requestContextFrom(await headers()));
    revalidatePath("/account/tokens");
    return { ok: true, token: created.token };
  } catch (error) {
    return { ...(await actionError(error)), name };
  }
}

export async function revokeTokenAction(_previous: TokenActionState, formData: FormData): Promise<TokenActionState> {
  const actor = await requireActor("tokens.manageOwn");
  try {
    await revokeToken(actor, IdParamsSchema.parse({ id: formData.get("id") }).id, requestContextFrom(await headers()));
    revalidatePath("/account/tokens");
    return { ok: true };
  } catch (error) {
    return actionError(error);
  }
}
