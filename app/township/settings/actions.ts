"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { ChangeTownshipSettingsSchema } from "@/lib/schemas/township-settings";
import { actionError, type ActionState } from "@/lib/server/action-result";
import { requireActor } from "@/lib/server/auth/current-actor";
import { requestContextFrom } from "@/lib/server/request-context";
import { changeTownshipSettings } from "@/lib/server/township-settings/change-settings";

const NUMBERS = ["weightRed", "weightYellow", "weightBlack", "civilizedMinReds", "noticePeriodDays", "extractValidityDays"] as const;
const FLAGS = ["noticeHidesNegativeDetail", "honourBoardEnabled"] as const;

export type SettingsFormState = ActionState & { values?: Record<string, string> };

/** The settings page's form: the same use case as POST /api/v1/township/settings. */
export async function changeSettingsAction(_prev: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  const actor = await requireActor("settings.manage");
  const values = Object.fromEntries(
    ["effectiveFrom", "reason", ...NUMBERS, ...FLAGS].map((name) => [name, String(form.get(name) ?? "")]),
  );
  try {
    const input = ChangeTownshipSettingsSchema.parse({
      effectiveFrom: values.effectiveFrom, reason: values.reason,
      // An empty box is "missing", not 0.
      ...Object.fromEntries(NUMBERS.map((name) => [name, values[name] === "" ? undefined : values[name]])),
      ...Object.fromEntries(FLAGS.map((name) => [name, values[name] === "true"])),
    });
    const result = await changeTownshipSettings(actor, input, requestContextFrom(await headers()));
    revalidatePath("/township/settings");
    revalidatePath("/township/rankings");
    const t = await getTranslations("settings.form");
    const message = result.scheduled
      ? t("successScheduled", { date: result.version.effectiveFrom })
      : t("successToday", { count: result.refreshedHouseholds });
    return { ok: true, message };
  } catch (error) {
    return { ...(await actionError(error)), values };
  }
}
