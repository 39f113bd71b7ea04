import { z } from "zod";
import { IdSchema, pageOf, pageParams, singleLineText } from "./common";

// The code is the middle part of every archive number of the village ("JS-XH-00001").
export const VillageCodeSchema = singleLineText()
  .toUpperCase()
  .regex(/^[A-Z0-9]{1,8}$/, { error: "validation.villageCodeFormat" });

export const VillageNameSchema = singleLineText()
  .min(1, { error: "validation.villageNameRequired" })
  .max(40, { error: "validation.villageNameTooLong" });

export const VillageKindSchema = z.enum(["VILLAGE", "COMMUNITY"]);

export const CreateVillageSchema = z.strictObject({
  // Defaults to the official's own township; an admin must name one.
  townshipId: IdSchema.optional(),
  code: VillageCodeSchema,
  name: VillageNameSchema,
  kind: VillageKindSchema,
});
export type CreateVillageInput = z.infer<typeof CreateVillageSchema>;

export const UpdateVillageSchema = z.strictObject({
  code: VillageCodeSchema.optional(),
  name: VillageNameSchema.optional(),
  kind: VillageKindSchema.optional(),
  active: z.boolean().optional(),
});
export type UpdateVillageInput = z.infer<typeof UpdateVillageSchema>;

export const ListVillagesQuerySchema = z.object({
  townshipId: IdSchema.optional(),
  active: z.stringbool().optional(),
  ...pageParams(),
});
export type ListVillagesQuery = z.infer<typeof ListVillagesQuerySchema>;

export const VillageSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: VillageKindSchema,
  active: z.boolean(),
  township: z.object({ id: z.uuid(), name: z.string(), code: z.string() }),
  households: z.int(),
});
export type VillageOutput = z.infer<typeof VillageSchema>;

export const VillageListSchema = pageOf(VillageSchema);
