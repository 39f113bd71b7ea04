"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { CreateVillageSchema, UpdateVillageSchema } from "@/lib/schemas/villages";
import { actionError, type ActionState } from "@/lib/server/action-result";
import { requireActor } from "@/lib/server/auth/current-actor";
import { requestContextFrom } from "@/lib/server/request-context";
import { createVillage } from "@/lib/server/villages/create-village";
import { updateVillage } from "@/lib/server/villages/update-village";

export type VillageFormState = ActionState & { values?: Record<string, string>; name?: string };

function formValues(form: FormData, names: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of names) {
    const value = form.get(name);
    if (typeof value === "string" && value.trim() !== "") values[name] = value;
  }
  return values;
}

export async function createVillageAction(_prev: VillageFormState, form: FormData): Promise<VillageFormState> {
  const actor = await requireActor("villages.manage");
  const values = formValues(form, ["townshipId", "code", "name", "kind"]);
  try {
    const village = await createVillage(actor, CreateVillageSchema.parse(values), requestContextFrom(await headers()));
    revalidatePath("/admin/villages");
    return { ok: true, name: village.name };
  } catch (error) {
    return { ...(await actionError(error)), values };
  }
}

export async function updateVillageAction(id: string, _prev: VillageFormState, form: FormData): Promise<VillageFormState> {
  const actor = await requireActor("villages.manage");
  const values = formValues(form, ["code", "name", "kind"]);
  try {
    const input = UpdateVillageSchema.parse({ ...values, active: form.get("active") === "on" });
    await updateVillage(actor, id, input, requestContextFrom(await headers()));
    revalidatePath("/admin/villages");
    return { ok: true };
  } catch (error) {
    return { ...(await actionError(error)), values };
  }
}
