import { householdAccount } from "./accounts";
import type { HouseholdInfo, SeedContext, VillageData } from "./context";
import type { Draft } from "./entries";
import type { Rng } from "./random";
import { event } from "./reviews";
import { addMinutes, officeHoursAfter } from "./time";
import type { AccountRow, AppealRow, RectificationRow } from "./types";

// After the reviews: yellows corrected (rectifications), entries disputed (appeals), the odd
// confirmed entry voided by a clerk. Every step is an event on the household's chain, as the
// use cases append them: lodged, dismissed or upheld (VOIDED); requested, declined or approved
// (RECTIFIED), with the text of each in the event's reason.

const RECTIFY_NOTES: Record<string, readonly string[]> = {
  littering: ["已将倾倒的垃圾全部清运到指定收集点，并承诺今后定点投放"],
  burning: ["已签订禁烧承诺书，秸秆改为粉碎还田"],
  quarrel: ["经村调解委员会调解，已向邻居赔礼道歉，双方和好"],
  lavish: ["已在村民小组会上作检讨，承诺今后红白喜事简办"],
  sorting: ["已参加垃圾分类培训，连续一个月分类投放到位"],
  stray: ["已修建鸡舍、圈养畜禽，并赔偿邻居损失"],
  clutter: ["已清理房前屋后杂物，拆除违规搭建的棚屋"],
  neglect: ["已按调解协议按月支付赡养费"],
};
const APPEAL_REASONS = {
  YELLOW: ["当天是帮邻居处理，记录的不是我家", "已当场清理干净，不应记黄榜", "事情经过与记录不符，请求重新核实"],
  BLACK: ["处罚决定已被依法撤销，请求撤销黑榜记录", "被处罚的不是本户成员，户别记错", "文书编号有误，请求核实"],
} as const;

type Out = { rectifications: RectificationRow[]; appeals: AppealRow[]; accounts: AccountRow[] };

export function dueProcess(ctx: SeedContext, rng: Rng, village: VillageData, drafts: Draft[], passwordHash: string): Out {
  const out: Out = { rectifications: [], appeals: [], accounts: [] };
  const clerk = () => rng.pick(village.clerks).id;
  const latest = addMinutes(ctx.now, -60);
  const later = (from: Date, minDays: number, maxDays: number) => officeHoursAfter(rng, from, minDays, maxDays);
  const accountOf = (h: HouseholdInfo): AccountRow => {
    if (!h.account) {
      h.account = householdAccount(ctx, village.row, h, passwordHash);
      out.accounts.push(h.account);
    }
    return h.account;
  };
  for (const h of village.households) if (h.featured) accountOf(h);

  for (const d of drafts) {
    const { category, status } = d.row;
    if (status === "PENDING") {
      // Now and then a household objects to an entry still awaiting its review.
      if (category !== "RED" && rng.chance(0.1)) {
        const at = later(d.row.recordedAt, 1, 10);
        if (at < latest) appeal(ctx, rng, d, accountOf(d.household), at, null, out);
      }
      continue;
    }
    if (status !== "CONFIRMED") continue;
    const closedAt = d.events.at(-1)?.createdAt ?? d.row.recordedAt;
    const forced = d.household.featured && category === "YELLOW";
    if (category !== "RED" && !forced && rng.chance(category === "BLACK" ? 0.25 : 0.06)) {
      const at = later(closedAt, 1, 15);
      if (at >= latest) continue;
      const resolvedAt = later(at, 3, 25);
      const outcome = resolvedAt >= latest ? null : rng.chance(0.35) ? "UPHELD" : "DISMISSED";
      appeal(ctx, rng, d, accountOf(d.household), at, outcome ? { outcome, resolvedAt, by: clerk() } : null, out);
    } else if (category === "YELLOW" && (forced || rng.chance(0.45))) {
      const at = later(closedAt, 3, forced ? 20 : 120);
      if (at >= latest) continue;
      const decidedAt = later(at, 1, 10);
      const outcome = decidedAt >= latest ? "REQUESTED" : forced ? "APPROVED" : rng.weighted([["APPROVED", 9], ["DECLINED", 1]] as const);
      const byHousehold = d.household.account !== undefined || rng.chance(0.35);
      const id = ctx.uuid(`rectification:${d.row.id}`, at);
      const decided = outcome !== "REQUESTED";
      const reason = outcome === "APPROVED" ? "经理事会成员现场核实，已整改到位" : outcome === "DECLINED" ? "现场核实仍未整改到位，请整改后再申请" : null;
      const row: RectificationRow = {
        id, entryId: d.row.id, householdId: d.row.householdId,
        requestedById: byHousehold ? accountOf(d.household).id : clerk(),
        note: rng.pick(RECTIFY_NOTES[d.rule.template.key] ?? ["已按要求整改到位，并作出书面承诺"]),
        status: outcome, decidedById: decided ? clerk() : null, decidedAt: decided ? decidedAt : null,
        decisionReason: reason, createdAt: at, filedViaAccessCode: false,
      };
      out.rectifications.push(row);
      event(ctx, d, "REQUEST_RECTIFICATION", at, { actorId: row.requestedById, rectificationId: id, reason: row.note });
      if (outcome !== "REQUESTED") {
        event(ctx, d, outcome === "APPROVED" ? "RECTIFY" : "DECLINE_RECTIFICATION", decidedAt, { actorId: row.decidedById, rectificationId: id, reason });
      }
    } else if (rng.chance(0.006)) {
      const at = later(closedAt, 2, 60);
      if (at < latest) event(ctx, d, "VOID", at, { actorId: clerk(), reason: "经核实，该户在记录前已迁出本村，记录作废" });
    }
  }
  return out;
}

function appeal(
  ctx: SeedContext, rng: Rng, d: Draft, by: AccountRow, at: Date,
  resolution: { outcome: "UPHELD" | "DISMISSED"; resolvedAt: Date; by: string } | null, out: Out,
): void {
  const reasons = d.row.category === "BLACK" ? APPEAL_REASONS.BLACK : APPEAL_REASONS.YELLOW;
  const row: AppealRow = {
    id: ctx.uuid(`appeal:${d.row.id}`, at), entryId: d.row.id, householdId: d.row.householdId,
    villageId: d.row.villageId, lodgedById: by.id, reason: rng.pick(reasons),
    status: resolution?.outcome ?? "OPEN", resolvedById: resolution?.by ?? null,
    resolvedAt: resolution?.resolvedAt ?? null,
    resolution: !resolution ? null : resolution.outcome === "UPHELD"
      ? "经理事会调查核实，申诉理由成立，撤销该记录"
      : "经理事会调查核实，记录与事实相符，申诉理由不成立，维持原记录",
    createdAt: at, filedViaAccessCode: false,
  };
  out.appeals.push(row);
  event(ctx, d, "LODGE_APPEAL", at, { actorId: row.lodgedById, appealId: row.id, reason: row.reason });
  if (resolution) {
    event(ctx, d, resolution.outcome === "UPHELD" ? "UPHOLD_APPEAL" : "DISMISS_APPEAL", resolution.resolvedAt, { actorId: resolution.by, appealId: row.id, reason: row.resolution });
  }
}
