import type { Tally } from "./vote-rules";

// The reason chained with each decision of a quarterly review: what the household reads in its
// archive, the same whether the app closed the review or the demo seed built its history. The
// text is a record in the chain (like a clerk's reason), so it is written once, in Chinese.

export function reviewDecisionReason(q: { year: number; quarter: number }, tally: Pick<Tally, "attendees" | "approve" | "passed">): string {
  return `${q.year}年第${q.quarter}季度村民代表评议：参加${tally.attendees}人，同意${tally.approve}票，${tally.passed ? "通过" : "未通过"}`;
}
