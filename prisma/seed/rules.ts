import type { RuleInfo, SeedContext } from "./context";
import type { Rng } from "./random";
import { CATALOGUE } from "./rule-catalogue";
import { addMinutes, atBeijing, day, utcDate } from "./time";
import type { AccountRow, Decision, RuleSetBallotRow, RuleSetRow, RuleSetVoteRow, VillageRow } from "./types";
import type { VillageSpec } from "./villages";

/** Votes of the representative assembly (Organic Law art. 26): quorum 2/3, majority of attendees. */
export function quorumMet(attending: number, total: number): boolean {
  return total > 0 && attending * 3 >= total * 2;
}

export function minimumQuorum(total: number): number {
  return Math.ceil((total * 2) / 3);
}

/** Who attends a meeting: at least two thirds, sometimes exactly the minimum. */
export function attendees<T>(rng: Rng, reps: readonly T[]): T[] {
  const min = minimumQuorum(reps.length);
  const count = rng.chance(0.15) ? min : rng.int(min, reps.length);
  return rng.sample(reps, count);
}

export type VillageRules = {
  ruleSet: RuleSetRow;
  rules: RuleInfo[];
  vote: RuleSetVoteRow;
  ballots: RuleSetBallotRow[];
};

/**
 * Version 1 of the village's rules (细则), drafted after consultation in autumn 2018, voted through
 * by the representative assembly in December and in force from 2019-01-01.
 */
export function buildRuleSet(
  ctx: SeedContext, rng: Rng, spec: VillageSpec, village: VillageRow, groups: number,
  clerks: AccountRow[], reps: AccountRow[],
): VillageRules {
  const drafter = clerks[0];
  if (!drafter) throw new Error(`${spec.name} has no clerk`);
  const draftedAt = atBeijing(utcDate(2018, 11, rng.int(10, 25)), rng.int(9, 16), rng.int(0, 59));
  const meeting = utcDate(2018, 12, rng.int(10, 27));
  const openedAt = atBeijing(meeting, 9, 0);
  const closedAt = atBeijing(meeting, 11, rng.int(0, 45));
  const ruleSetId = ctx.uuid(`ruleset:${spec.code}:1`, draftedAt);

  const chosen = CATALOGUE.filter((t) => t.core || rng.chance(0.7));
  const counters = { RED: 0, YELLOW: 0, BLACK: 0 };
  const rules: RuleInfo[] = chosen.map((template) => {
    const n = ++counters[template.category];
    const code = `${template.category[0]}${String(n).padStart(2, "0")}`;
    return {
      template,
      row: {
        id: ctx.uuid(`rule:${spec.code}:1:${code}`, draftedAt), ruleSetId, code, category: template.category,
        title: template.title, description: template.description, marks: template.marks,
        evidenceHint: template.evidenceHint,
      },
    };
  });
  const groupWord = spec.kind === "COMMUNITY" ? "居民小组" : "村民小组";
  const ruleSet: RuleSetRow = {
    id: ruleSetId, villageId: village.id, version: 1, title: `${spec.name}家庭文明档案评议细则（第1版）`,
    status: "ADOPTED", effectiveFrom: day(ctx.launch),
    consultation:
      `依据${spec.name}村规民约起草。2018年10月至11月召开院落会${rng.int(8, 24)}场、${groupWord}会议${groups}场，` +
      `入户走访${rng.int(60, 220)}户，收集意见建议${rng.int(20, 90)}条，经理事会讨论修改后提交村民代表会议表决。`,
    draftedById: drafter.id, createdAt: draftedAt, updatedAt: closedAt,
  };

  const voters = attendees(rng, reps);
  const decisions: Decision[] = voters.map(() => rng.weighted([["APPROVE", 90], ["REJECT", 4], ["ABSTAIN", 6]] as const));
  // The rules were adopted, so the vote passed: make sure more than half of those attending approved.
  for (let i = 0; decisions.filter((d) => d === "APPROVE").length * 2 <= voters.length; i++) decisions[i] = "APPROVE";
  const voteId = ctx.uuid(`rulevote:${spec.code}:1`, openedAt);
  const vote: RuleSetVoteRow = {
    id: voteId, ruleSetId, meetingDate: day(meeting), representativesTotal: reps.length,
    openedById: drafter.id, closedAt, passed: true, createdAt: openedAt,
  };
  const ballots = voters.map((rep, i) => ({
    voteId, representativeId: rep.id, decision: decisions[i] ?? "APPROVE",
    castAt: addMinutes(openedAt, 20 + rng.int(0, 90)),
  }));
  return { ruleSet, rules, vote, ballots };
}
