"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { IdParamsSchema } from "@/lib/schemas/common";
import { CreateTokenSchema } from "@/lib/schemas/tokens";
import { fieldErrors } from "@/lib/server/api/error-response";
import { requireActor } from "@/lib/server/auth/current-actor";
import { isAppError } from "@/lib/server/errors";
import { requestContextFrom } from "@/lib/server/request-context";
import { createToken } from "@/lib/server/tokens/create-token";
import { revokeToken } from "@/lib/server/tokens/revoke-token";

export type TokenActionState = {
  ok: boolean;
  token?: string; // the new token, shown this once
  message?: string;
  fieldErrors?: Record<string, string>;
  name?: string; // what was typed, kept when the form is refused
};

export async function createTokenAction(_previous: TokenActionState, formData: FormData): Promise<TokenActionState> {
  const actor = await requireActor("tokens.manageOwn");
  const name = String(formData.get("name") ?? "");
  const parsed = CreateTokenSchema.safeParse({ name });
  if (!parsed.success) return { ...(await invalid(parsed.error)), name };
  const result = await attempt(async () => {
    const created = await createToken(actor, parsed.data, requestContextFrom(await headers()));
    return { ok: true, token: created.token };
  });
  return result.ok ? result : { ...result, name };
}

export async function revokeTokenAction(_previous: TokenActionState, formData: FormData): Promise<TokenActionState> {
  const actor = await requireActor("tokens.manageOwn");
  const parsed = IdParamsSchema.safeParse({ id: formData.get("id") });
  if (!parsed.success) return invalid(parsed.error);
  return attempt(async () => {
    await revokeToken(actor, parsed.data.id, requestContextFrom(await headers()));
    return { ok: true };
  });
}

async function translator() {
  const t = await getTranslations();
  return (key: string, values?: Record<string, string | number>) => (t.has(key) ? t(key, values) : key);
}

async function invalid(error: Parameters<typeof fieldErrors>[0]): Promise<TokenActionState> {
  const translate = await translator();
  return { ok: false, message: translate("errors.invalidInput"), fieldErrors: fieldErrors(error, translate) };
}

// Expected refusals (limit reached, already revoked) become a message; anything else is a bug
// and goes to the error page.
async function attempt(run: () => Promise<TokenActionState>): Promise<TokenActionState> {
  try {
    const result = await run();
    revalidatePath("/account/tokens");
    return result;
  } catch (error) {
    if (!isAppError(error)) throw error;
    const translate = await translator();
    return { ok: false, message: translate(error.message, error.values) };
  }
}
