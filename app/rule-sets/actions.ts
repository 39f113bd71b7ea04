"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { DraftRuleSetSchema } from "@/lib/schemas/rule-sets";
import { actionError, type ActionState } from "@/lib/server/action-result";
import { requireActor } from "@/lib/server/auth/current-actor";
import { requestContextFrom } from "@/lib/server/request-context";
import { draftRuleSet } from "@/lib/server/rule-sets/draft-rule-set";

export type DraftFormState = ActionState & { values?: { title: string; consultation: string } };

export async function draftRuleSetAction(villageId: string, _prev: DraftFormState, form: FormData): Promise<DraftFormState> {
  const actor = await requireActor("ruleSets.manage");
  const values = { title: String(form.get("title") ?? ""), consultation: String(form.get("consultation") ?? "") };
  let id: string;
  try {
    const input = DraftRuleSetSchema.parse(values);
    id = (await draftRuleSet(actor, villageId, input, requestContextFrom(await headers()))).id;
  } catch (error) {
    return { ...(await actionError(error)), values };
  }
  revalidatePath("/rule-sets");
  redirect(`/rule-sets/${id}`);
}
