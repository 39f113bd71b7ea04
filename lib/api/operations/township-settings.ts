import { defineOperation } from "@/lib/api/operation";
import {
  ChangeTownshipSettingsSchema, SettingsChangeResultSchema, TownshipSettingsQuerySchema, TownshipSettingsSchema,
} from "@/lib/schemas/township-settings";

// Township settings (DESIGN.md "Score", issue 9 point 1): effective-dated versions, never edited.

export const getTownshipSettings = defineOperation({
  id: "getTownshipSettings", method: "GET", path: "/township/settings", tag: "township", permission: "settings.read",
  summary: "Every version of the township's settings, latest effective day first (scheduled, in force today, superseded), with who set it, when and why; `current` is the one in force today",
  query: TownshipSettingsQuerySchema, response: TownshipSettingsSchema,
});

export const changeTownshipSettings = defineOperation({
  id: "changeTownshipSettings", method: "POST", path: "/township/settings", tag: "township", permission: "settings.manage", status: 201,
  summary: "A township official sets a new version from a day on (today or later; 422 for an earlier day, 409 when that day already has a version). From today, every household's score is recomputed in the same transaction; a later day is scheduled and applied on that day",
  body: ChangeTownshipSettingsSchema, response: SettingsChangeResultSchema,
});
