"use server";

import { z } from "zod";
import { IdSchema } from "@/lib/schemas/common";
import { CreateVillageSchema, UpdateVillageSchema } from "@/lib/schemas/villages";
import { defineAction } from "@/lib/server/actions/define-action";
import { createVillage } from "@/lib/server/villages/create-village";
import { updateVillage } from "@/lib/server/villages/update-village";

export const createVillageAction = defineAction({
  permission: "villages.manage",
  schema: CreateVillageSchema,
  keep: true,
  run: ({ actor, input, context }) => createVillage(actor, input, context),
  answer: (village) => ({ name: village.name }),
  revalidate: ["/admin/villages"],
});

export const updateVillageAction = defineAction({
  permission: "villages.manage",
  args: z.tuple([IdSchema]),
  schema: UpdateVillageSchema,
  keep: true,
  run: ({ actor, args: [id], input, context }) => updateVillage(actor, id, input, context),
  revalidate: ["/admin/villages"],
});
