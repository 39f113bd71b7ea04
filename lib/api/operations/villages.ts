import { defineOperation } from "@/lib/api/operation";
import { IdParamsSchema } from "@/lib/schemas/common";
import {
  CreateVillageSchema, ListVillagesQuerySchema, UpdateVillageSchema, VillageListSchema, VillageSchema,
} from "@/lib/schemas/villages";

export const listVillages = defineOperation({
  id: "listVillages", method: "GET", path: "/villages", tag: "villages", permission: "villages.read",
  summary: "Villages and communities within the caller's scope",
  query: ListVillagesQuerySchema, response: VillageListSchema,
});

export const createVillage = defineOperation({
  id: "createVillage", method: "POST", path: "/villages", tag: "villages", permission: "villages.manage", status: 201,
  summary: "Add a village or community to a township",
  body: CreateVillageSchema, response: VillageSchema,
});

export const updateVillage = defineOperation({
  id: "updateVillage", method: "PATCH", path: "/villages/{id}", tag: "villages", permission: "villages.manage",
  summary: "Rename, recode, reclassify, deactivate or reactivate a village",
  params: IdParamsSchema, body: UpdateVillageSchema, response: VillageSchema,
});
