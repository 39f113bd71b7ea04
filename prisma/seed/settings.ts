import type { SettingsVersion } from "../../lib/domain/township-settings";
import type { SeedContext } from "./context";
import { addMinutes, atBeijing, day, utcDate } from "./time";
import type { SettingsRow } from "./types";

// The demo township's settings: DESIGN.md's defaults since the archive began, with the honour
// board on and the negative detail of notices hidden; from 2023 a black weighs 5 (a change made
// by a township official in December 2022, when the seed's today is past it), so that the
// effective dating shows: scores of 2019–2022 keep weight 3, later years use 5.

export function townshipSettings(ctx: SeedContext, townshipId: string, officialId: string | null = null): SettingsRow[] {
  const createdAt = atBeijing(ctx.launch, 9);
  const first: SettingsRow = {
    id: ctx.uuid("settings:1", createdAt), townshipId, effectiveFrom: day(ctx.launch), weightRed: 1, weightYellow: 1, weightBlack: 3,
    civilizedMinReds: 1, noticePeriodDays: 7, noticeHidesNegativeDetail: true, honourBoardEnabled: true, extractValidityDays: 180,
    reason: "镇文明办按县里统一标准设置", createdById: null, createdAt,
  };
  const changedAt = atBeijing(utcDate(2022, 12, 16), 15, 20);
  if (changedAt >= addMinutes(ctx.now, -60)) return [first];
  const second: SettingsRow = {
    ...first, id: ctx.uuid("settings:2", changedAt), effectiveFrom: "2023-01-01", weightBlack: 5, createdById: officialId, createdAt: changedAt,
    reason: "经镇党委会议研究，酒驾、赌博等违法行为仍时有发生，自2023年1月1日起黑榜每次扣5分，以加大警示力度",
  };
  return [first, second];
}

export const asVersion = ({ townshipId: _t, reason: _r, createdById: _c, createdAt: _a, ...row }: SettingsRow): SettingsVersion => row;
