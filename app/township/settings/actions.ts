"use server";

import { getTranslations } from "next-intl/server";
import { ChangeTownshipSettingsSchema } from "@/lib/schemas/township-settings";
import { defineAction } from "@/lib/server/actions/define-action";
import { changeTownshipSettings } from "@/lib/server/township-settings/change-settings";

/** The settings page's form: the same use case as POST /api/v1/township/settings. */
export const changeSettingsAction = defineAction({
  permission: "settings.manage",
  schema: ChangeTownshipSettingsSchema,
  keep: true,
  run: ({ actor, input, context }) => changeTownshipSettings(actor, input, context),
  answer: async (result) => {
    const t = await getTranslations("settings.form");
    return {
      message: result.scheduled
        ? t("successScheduled", { date: result.version.effectiveFrom })
        : t("successToday", { count: result.refreshedHouseholds }),
    };
  },
  revalidate: ["/township/settings", "/township/rankings"],
});
