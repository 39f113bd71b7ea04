"use server";

import { IdParamsSchema } from "@/lib/schemas/common";
import { CreateTokenSchema } from "@/lib/schemas/tokens";
import { defineAction } from "@/lib/server/actions/define-action";
import { typedValues } from "@/lib/server/actions/form-fields";
import { createToken } from "@/lib/server/tokens/create-token";
import { revokeToken } from "@/lib/server/tokens/revoke-token";

export const createTokenAction = defineAction({
  permission: "tokens.manageOwn",
  schema: CreateTokenSchema,
  run: ({ actor, input, context }) => createToken(actor, input, context),
  answer: (created) => ({ token: created.token }), // shown this once
  revalidate: ["/account/tokens"],
  refused: (state, { form }) => ({ ...state, name: typedValues(form, ["name"]).name ?? "" }),
});

export const revokeTokenAction = defineAction({
  permission: "tokens.manageOwn",
  schema: IdParamsSchema,
  run: ({ actor, input, context }) => revokeToken(actor, input.id, context),
  revalidate: ["/account/tokens"],
});
