import type { SettingsVersion } from "../../lib/domain/township-settings";
import type { SeedContext } from "./context";
import { atBeijing, day } from "./time";
import type { SettingsRow } from "./types";

// The demo township's settings: DESIGN.md's defaults since the archive began, with the honour
// board on and the negative detail of notices hidden.

export function townshipSettings(ctx: SeedContext, townshipId: string): SettingsRow[] {
  const createdAt = atBeijing(ctx.launch, 9);
  return [{
    id: ctx.uuid("settings:1", createdAt), townshipId, effectiveFrom: day(ctx.launch), weightRed: 1, weightYellow: 1, weightBlack: 3,
    civilizedMinReds: 1, noticePeriodDays: 7, noticeHidesNegativeDetail: true, honourBoardEnabled: true, extractValidityDays: 180,
    reason: "镇文明办按县里统一标准设置", createdById: null, createdAt,
  }];
}

export const asVersion = ({ townshipId: _t, reason: _r, createdById: _c, createdAt: _a, ...row }: SettingsRow): SettingsVersion => row;
