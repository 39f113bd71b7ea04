import { previousQuarter, quarterOf, quarterStart } from "../../lib/domain/quarter";
import { quorumOf, tallyMotion } from "../../lib/domain/vote-rules";
import type { RuleInfo, SeedContext } from "./context";
import type { Rng } from "./random";
import { AMENDMENTS, templatesFor, type RuleTemplate } from "./rule-catalogue";
import { addDays, addMinutes, atBeijing, day, utcDate } from "./time";
import type { AccountRow, Decision, RuleSetBallotRow, RuleSetRow, RuleSetVoteRosterRow, RuleSetVoteRow, VillageRow } from "./types";
import type { VillageSpec } from "./villages";

// Each village's rules (细则), drafted by its council after consulting the villagers and voted
// through by the representative assembly (DESIGN.md "RuleSet", "Vote rule"). Votes are counted
// by lib/domain/vote-rules.ts, as the app counts them.

/** Who attends a meeting: at least two thirds, sometimes exactly the minimum. */
export function attendees<T>(rng: Rng, reps: readonly T[]): T[] {
  const min = quorumOf(reps.length);
  const count = rng.chance(0.15) ? min : rng.int(min, reps.length);
  return rng.sample(reps, count);
}

/** One version and the days it is in force: from `from` until `to` (exclusive), or open-ended. */
export type RuleVersion = { row: RuleSetRow; rules: RuleInfo[]; from: Date; to: Date | null };

export type VillageRules = { versions: RuleVersion[]; votes: RuleSetVoteRow[]; roster: RuleSetVoteRosterRow[]; ballots: RuleSetBallotRow[] };

/** The rules in force on a day: an entry cites the rule in force on the day it occurred. */
export function rulesInForce(versions: readonly { rules: RuleInfo[]; from: Date; to: Date | null }[], on: Date): RuleInfo[] {
  return versions.find((v) => v.from.getTime() <= on.getTime() && (!v.to || on.getTime() < v.to.getTime()))?.rules ?? [];
}

type Staff = { clerks: AccountRow[]; reps: AccountRow[] };
type Plan = {
  version: number; templates: RuleTemplate[]; carried: RuleInfo[]; draftedAt: Date; meeting: Date; from: Date;
  consultation: string; paperShare: number;
};

/**
 * Version 1 of every village, drafted in autumn 2018, voted through in December and in force
 * from 2019-01-01. 汉丰村 revised its rules: version 2, adopted by a recorded vote, in force from
 * the start of the quarter three quarters back, supersedes version 1 from that day.
 */
export function buildRuleSets(
  ctx: SeedContext, rng: Rng, spec: VillageSpec, village: VillageRow, groups: number, staff: Staff,
): VillageRules {
  const groupWord = spec.kind === "COMMUNITY" ? "居民小组" : "村民小组";
  const first = adoptVersion(ctx, rng, spec, village, staff, {
    version: 1, templates: templatesFor(spec.code).filter((t) => t.core || rng.chance(0.7)), carried: [],
    draftedAt: atBeijing(utcDate(2018, 11, rng.int(10, 25)), rng.int(9, 16), rng.int(0, 59)),
    meeting: utcDate(2018, 12, rng.int(10, 27)), from: ctx.launch, paperShare: 0.6,
    consultation:
      `依据${spec.name}村规民约起草。2018年10月至11月召开院落会${rng.int(8, 24)}场、${groupWord}会议${groups}场，` +
      `入户走访${rng.int(60, 220)}户，收集意见建议${rng.int(20, 90)}条，经理事会讨论修改后提交村民代表会议表决。`,
  });
  if (spec.code !== "HF") return { versions: [first.version], votes: [first.vote], roster: first.roster, ballots: first.ballots };

  let q = quarterOf(ctx.today);
  for (let i = 0; i < 3; i++) q = previousQuarter(q);
  const from = quarterStart(q);
  const meeting = addDays(from, -rng.int(10, 24));
  const second = adoptVersion(ctx, rng, spec, village, staff, {
    version: 2, templates: templatesFor(spec.code, AMENDMENTS), carried: first.version.rules,
    draftedAt: atBeijing(addDays(meeting, -rng.int(30, 50)), rng.int(9, 16), rng.int(0, 59)), meeting, from, paperShare: 0.3,
    consultation:
      `第1版施行以来，村民反映较多的是邻里纠纷调解和森林防火期燃放烟花爆竹两件事。${meeting.getUTCFullYear()}年召开院落会` +
      `${rng.int(6, 15)}场、${groupWord}会议${groups}场，入户走访${rng.int(40, 150)}户，据此修订：新增“调解邻里纠纷”红榜条目` +
      `和“违规燃放烟花爆竹”黄榜条目，其余条目不变。`,
  });
  first.version.to = from;
  first.version.row.status = "SUPERSEDED";
  first.version.row.effectiveTo = day(from);
  first.version.row.updatedAt = second.vote.closedAt;
  return {
    versions: [first.version, second.version], votes: [first.vote, second.vote],
    roster: [...first.roster, ...second.roster], ballots: [...first.ballots, ...second.ballots],
  };
}

function adoptVersion(ctx: SeedContext, rng: Rng, spec: VillageSpec, village: VillageRow, staff: Staff, plan: Plan) {
  const drafter = staff.clerks[0];
  if (!drafter) throw new Error(`${spec.name} has no clerk`);
  const openedAt = atBeijing(plan.meeting, 9, 0);
  const closedAt = atBeijing(plan.meeting, 11, rng.int(0, 45));
  const ruleSetId = ctx.uuid(`ruleset:${spec.code}:${plan.version}`, plan.draftedAt);
  const rules = numberRules(ctx, spec, ruleSetId, plan);
  const row: RuleSetRow = {
    id: ruleSetId, villageId: village.id, version: plan.version, title: `${spec.name}家庭文明档案评议细则（第${plan.version}版）`,
    status: "ADOPTED", effectiveFrom: day(plan.from), effectiveTo: null, consultation: plan.consultation,
    draftedById: drafter.id, createdAt: plan.draftedAt, updatedAt: closedAt,
  };

  const voters = attendees(rng, staff.reps);
  const decisions: Decision[] = voters.map(() => rng.weighted([["APPROVE", 90], ["REJECT", 4], ["ABSTAIN", 6]] as const));
  // These rules were adopted, so the vote passed: more than half of those attending approved.
  for (let i = 0; !tallyMotion(decisions).passed; i++) decisions[i] = "APPROVE";
  const tally = tallyMotion(decisions);
  const voteId = ctx.uuid(`rulevote:${spec.code}:${plan.version}`, openedAt);
  const vote: RuleSetVoteRow = {
    id: voteId, ruleSetId, meetingDate: day(plan.meeting), representativesTotal: staff.reps.length,
    openedById: drafter.id, closedById: drafter.id, closedAt, passed: tally.passed, attendees: tally.attendees,
    approve: tally.approve, reject: tally.reject, abstain: tally.abstain, createdAt: openedAt,
  };
  // A show of hands recorded on paper by the clerk, or a vote from the representative's phone.
  const ballots: RuleSetBallotRow[] = voters.map((rep, i) => ({
    voteId, representativeId: rep.id, decision: decisions[i] ?? "APPROVE",
    castAt: addMinutes(openedAt, 20 + rng.int(0, 90)), enteredById: rng.chance(plan.paperShare) ? drafter.id : null,
  }));
  // The roster frozen when the vote opened, as the app stores it: the village's representatives.
  const roster: RuleSetVoteRosterRow[] = staff.reps.map((rep) => ({ voteId, representativeId: rep.id }));
  return { version: { row, rules, from: plan.from, to: null } as RuleVersion, vote, roster, ballots };
}

/** Carried rules keep their codes; new ones continue each category's numbering (R01, Y01, B01…). */
function numberRules(ctx: SeedContext, spec: VillageSpec, ruleSetId: string, plan: Plan): RuleInfo[] {
  const counters = { RED: 0, YELLOW: 0, BLACK: 0 };
  const rules: RuleInfo[] = plan.carried.map(({ template, row }) => {
    counters[row.category] = Math.max(counters[row.category], Number(row.code.slice(1)));
    return { template, row: { ...row, id: ctx.uuid(`rule:${spec.code}:${plan.version}:${row.code}`, plan.draftedAt), ruleSetId } };
  });
  for (const template of plan.templates) {
    const code = `${template.category[0]}${String(++counters[template.category]).padStart(2, "0")}`;
    rules.push({
      template,
      row: {
        id: ctx.uuid(`rule:${spec.code}:${plan.version}:${code}`, plan.draftedAt), ruleSetId, code, category: template.category,
        title: template.title, description: template.description, marks: template.marks, evidenceHint: template.evidenceHint,
      },
    });
  }
  return rules;
}
