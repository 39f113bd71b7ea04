"use server";

import { z } from "zod";
import { IdSchema } from "@/lib/schemas/common";
import { CreateTokenSchema } from "@/lib/schemas/tokens";
import { defineAction } from "@/lib/server/actions/define-action";
import { createToken } from "@/lib/server/tokens/create-token";
import { revokeToken } from "@/lib/server/tokens/revoke-token";

export const createTokenAction = defineAction({
  permission: "tokens.manageOwn",
  schema: CreateTokenSchema,
  run: ({ actor, input, context }) => createToken(actor, input, context),
  answer: (created) => ({ token: created.token }), // shown this once
  revalidate: ["/account/tokens"],
  keep: true,
});

export const revokeTokenAction = defineAction({
  permission: "tokens.manageOwn",
  args: z.tuple([IdSchema]),
  run: ({ actor, args: [id], context }) => revokeToken(actor, id, context),
  revalidate: ["/account/tokens"],
});
