import type { Fixtures } from "./fixtures";

// The valid request every hostile one is made from, per operation of lib/api/registry.ts: path
// parameters naming real targets of the caller's scope, a query and a body the operation's
// schemas accept (the test checks that they do before the run). Each hostile request corrupts at
// least one part of it in a way the schemas must refuse. An operation missing here fails the
// test, so a new operation cannot go untested; one without anything to corrupt says so.

export type Base = {
  params?: Record<string, string>;
  query?: Record<string, string>;
  /** A JSON body; multipart operations send a hostile form instead (hostile-files.ts). */
  body?: Record<string, unknown>;
};

type BaseOf = (fx: Fixtures) => Base;

const page = { page: "1", pageSize: "20" };
const id = (value: string) => ({ id: value });

export const NOTHING_TO_CORRUPT = "a GET without parameters";

export const operationBases: Record<string, BaseOf | typeof NOTHING_TO_CORRUPT> = {
  // me, tokens
  getMe: NOTHING_TO_CORRUPT,
  changeMyPassword: () => ({ body: { currentPassword: "demo1234", newPassword: "hostile-2026", confirmPassword: "hostile-2026" } }),
  listMySignIns: () => ({ query: page }),
  listMyTokens: () => ({ query: page }),
  createToken: () => ({ body: { name: "脚本令牌" } }),
  revokeToken: (fx) => ({ params: id(fx.token) }),
  listAuditLog: (fx) => ({
    query: { action: "household", actor: "clerk-xinhua", targetType: "Household", targetId: fx.household, from: "2026-01-01", to: "2026-12-31", pageSize: "50" },
  }),

  // accounts, villages
  listAccounts: (fx) => ({ query: { role: "REPRESENTATIVE", villageId: fx.village, q: "rep", active: "true", ...page } }),
  createAccount: (fx) => ({ body: { role: "REPRESENTATIVE", username: "hostile-rep", displayName: "新代表", password: "abcd1234", villageId: fx.village } }),
  getAccount: (fx) => ({ params: id(fx.account) }),
  updateAccount: (fx) => ({ params: id(fx.account), body: { displayName: "改名的代表" } }),
  deactivateAccount: (fx) => ({ params: id(fx.account) }),
  reactivateAccount: (fx) => ({ params: id(fx.account) }),
  resetAccountPassword: (fx) => ({ params: id(fx.account) }),
  issueAccessCode: (fx) => ({ params: id(fx.household) }),
  listVillages: (fx) => ({ query: { townshipId: fx.township, active: "true", ...page } }),
  createVillage: () => ({ body: { code: "HOSTILE", name: "测试村", kind: "VILLAGE" } }),
  updateVillage: (fx) => ({ params: id(fx.village), body: { name: "新花村（改）" } }),
  verifyChains: () => ({}),

  // households
  searchHouseholds: (fx) => ({ query: { q: "JS-XH", villageId: fx.village, status: "ACTIVE", ...page } }),
  getHousehold: (fx) => ({ params: id(fx.household) }),
  createHousehold: (fx) => ({
    body: { headName: "张三", headGender: "MALE", headBirthYear: 1970, groupId: fx.group, address: "新花村一组", phone: "13800138000", registeredOn: "2020-01-01" },
  }),
  updateHousehold: (fx) => ({ params: id(fx.household), body: { address: "新花村二组", phone: "0736-1234567", reason: "地址更正" } }),
  setHouseholdStatus: (fx) => ({ params: id(fx.household), body: { status: "MOVED_OUT", reason: "全家迁往外地" } }),
  addMember: (fx) => ({ params: id(fx.household), body: { name: "张小明", relation: "SON", gender: "MALE", birthYear: 2010, reason: "出生" } }),
  updateMember: (fx) => ({ params: id(fx.member), body: { name: "张小红", birthYear: 2011, reason: "更正姓名" } }),
  deactivateMember: (fx) => ({ params: id(fx.member), body: { reason: "婚嫁迁出本户" } }),
  householdHistory: (fx) => ({ params: id(fx.household), query: page }),
  importHouseholds: (fx) => ({ params: id(fx.village), query: { dryRun: "false" } }),
  exportHouseholds: (fx) => ({ params: id(fx.village) }),
  householdImportTemplate: (fx) => ({ params: id(fx.village), query: { format: "csv" } }),

  // entries, evidence, archive
  recordEntry: (fx) => ({
    body: {
      idempotencyKey: "0196e163-18e0-7df7-a549-4d346ec15b72", householdId: fx.household, ruleId: fx.rule, occurredOn: "2026-03-02",
      description: "拾到钱包一个，当天归还失主。", legalAuthority: null, legalDocumentNo: null, evidenceIds: [],
    },
  }),
  voidEntry: (fx) => ({ params: id(fx.entry), body: { reason: "录入错误" } }),
  getEntry: (fx) => ({ params: id(fx.entry) }),
  listVillageEntries: (fx) => ({
    params: id(fx.village),
    query: { quarter: "2026Q1", status: "CONFIRMED", category: "RED", ruleId: fx.rule, householdId: fx.household, archiveNo: "JS-XH-00002", ...page },
  }),
  listRulesInForce: (fx) => ({ params: id(fx.village), query: { date: "2026-01-15", ...page } }),
  uploadEvidence: () => ({}),
  downloadEvidence: (fx) => ({ params: id(fx.evidence) }),
  getHouseholdArchive: (fx) => ({ params: id(fx.household) }),
  getHouseholdScores: (fx) => ({ params: id(fx.household), query: page }),

  // due process
  requestRectification: (fx) => ({ params: id(fx.entry), body: { note: "已经当面道歉并清理了堆放物。", evidenceIds: [] } }),
  decideRectification: (fx) => ({ params: id(fx.rectification), body: { decision: "DECLINE", reason: "现场查看仍未整改" } }),
  listRectifications: (fx) => ({ params: id(fx.village), query: { status: "REQUESTED", ...page } }),
  uploadRectificationEvidence: () => ({}),
  lodgeAppeal: (fx) => ({ params: id(fx.ownEntry), body: { reason: "记录的情况与事实不符。" } }),
  resolveAppeal: (fx) => ({ params: id(fx.appeal), body: { outcome: "DISMISSED", resolution: "经核实维持原记录。" } }),
  listOpenAppeals: () => ({ query: { status: "OPEN", ...page } }),

  // reviews
  listVillageReviews: (fx) => ({ params: id(fx.village), query: { status: "OPEN", ...page } }),
  openReview: (fx) => ({ params: id(fx.village), body: { year: 2026, quarter: 1 } }),
  listQuartersToReview: (fx) => ({ params: id(fx.village), query: page }),
  getReview: (fx) => ({ params: id(fx.review) }),
  recordAttendance: (fx) => ({ params: id(fx.review), body: { representativeIds: [fx.representative] } }),
  castBallot: (fx) => ({
    params: id(fx.review), body: { defaultDecision: "APPROVE", exceptions: [{ entryId: fx.entry, decision: "REJECT", reason: "与事实不符" }] },
  }),
  enterPaperBallot: (fx) => ({ params: id(fx.review), body: { representativeId: fx.representative, defaultDecision: "ABSTAIN", exceptions: [] } }),
  closeReview: (fx) => ({ params: id(fx.review), body: { meetingDate: "2026-04-10", minutes: "到会代表审议了本季度的记录。" } }),
  getReviewNotice: (fx) => ({ params: id(fx.review) }),

  // rule sets
  listRuleSets: (fx) => ({ params: id(fx.village), query: page }),
  draftRuleSet: (fx) => ({ params: id(fx.village), body: { title: "新花村村规（修订）", consultation: "召开了院坝会。" } }),
  getRuleSet: (fx) => ({ params: id(fx.ruleSet) }),
  updateRuleSet: (fx) => ({ params: id(fx.ruleSet), body: { title: "新花村村规（第二稿）", consultation: null } }),
  addRule: (fx) => ({
    params: id(fx.ruleSet), body: { code: "R99", category: "RED", title: "见义勇为", description: "救助落水群众。", marks: 2, evidenceHint: "照片或证明" },
  }),
  updateRule: (fx) => ({ params: id(fx.rule), body: { title: "见义勇为（修订）", marks: 3 } }),
  removeRule: (fx) => ({ params: id(fx.rule) }),
  openRuleSetVote: (fx) => ({ params: id(fx.ruleSet), body: { meetingDate: "2026-05-01", effectiveFrom: "2026-06-01" } }),
  castRuleSetBallot: (fx) => ({ params: id(fx.ruleSet), body: { decision: "APPROVE" } }),
  enterRuleSetPaperBallot: (fx) => ({ params: id(fx.ruleSet), body: { representativeId: fx.representative, decision: "ABSTAIN" } }),
  closeRuleSetVote: (fx) => ({ params: id(fx.ruleSet) }),
  getPublicRules: (fx) => ({ params: id(fx.village) }),

  // extracts
  requestExtract: (fx) => ({ params: id(fx.household), body: { purpose: "OTHER", purposeNote: "办理入学手续" } }),
  listHouseholdExtracts: (fx) => ({ params: id(fx.ownHousehold), query: page }),
  listExtracts: () => ({ query: { status: "REQUESTED", ...page } }),
  getExtract: (fx) => ({ params: id(fx.extract) }),
  consentToExtract: (fx) => ({ params: id(fx.extract) }),
  refuseExtract: (fx) => ({ params: id(fx.extract) }),
  issueExtract: (fx) => ({ params: id(fx.extract) }),
  declineExtract: (fx) => ({ params: id(fx.extract), body: { reason: "用途说明不清楚。" } }),
  revokeExtract: (fx) => ({ params: id(fx.extract), body: { reason: "发现内容有误。" } }),
  downloadExtractJws: (fx) => ({ params: id(fx.extract) }),
  verifyExtract: () => ({ params: { code: "ABCD-EFGH-JKLM" }, query: { s: "c2lnbmF0dXJl" } }),
  getExtractKey: NOTHING_TO_CORRUPT,

  // township
  getTownshipSettings: () => ({ query: page }),
  changeTownshipSettings: () => ({
    body: {
      effectiveFrom: "2099-01-01", weightRed: 1, weightYellow: 1, weightBlack: 5, civilizedMinReds: 2, noticePeriodDays: 7,
      noticeHidesNegativeDetail: false, honourBoardEnabled: true, extractValidityDays: 180, reason: "调整计分权重",
    },
  }),
  getRankings: (fx) => ({ query: { year: "2026", villageId: fx.village, q: "张", ...page } }),
  exportRankings: (fx) => ({ query: { year: "all", villageId: fx.village, q: "", format: "csv" } }),
  getTownshipDashboard: () => ({ query: { year: "2026" } }),
  exportTownshipDashboard: () => ({ query: { year: "2026", table: "participation", format: "csv" } }),
  exportTownshipOverview: () => ({ query: { format: "csv" } }),
  exportVillageEntries: (fx) => ({ params: id(fx.village), query: { quarter: "2026Q1", status: "CONFIRMED", category: "RED", format: "csv" } }),

  // selection
  getSelection: (fx) => ({ query: { year: "2025", villageId: fx.village, filter: "eligible", q: "张", ...page } }),
  nominateHousehold: (fx) => ({ body: { householdId: fx.household, year: 2026, note: "热心公益，带头移风易俗。" } }),
  withdrawNomination: (fx) => ({ params: id(fx.nomination), body: { reason: "村理事会重新评议后撤回。" } }),
  decideNomination: (fx) => ({ params: id(fx.nomination), body: { decision: "DECLINE", reason: "当年有未整改的黄榜。" } }),
  withdrawAward: (fx) => ({ params: id(fx.nomination), body: { reason: "获评后确认了一条黑榜。" } }),
  getHonourBoard: (fx) => ({ query: { year: "2025", villageId: fx.village, ...page } }),
};
