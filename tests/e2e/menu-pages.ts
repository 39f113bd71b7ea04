import { readFileSync } from "node:fs";

// Each role's menu, for the specs that walk it (navigation, accessibility). The menus are derived
// from the policy in lib/server/authz/navigation.ts, which is server-only and cannot be loaded into
// a Playwright worker; so each role's items are written out here by their catalogue keys (in the
// policy's order; lib/server/authz/policy.test.ts and navigation.test.ts hold the policy to the
// same lists) and read in zh-CN, as the person sees them.
export const nav = JSON.parse(readFileSync("messages/zh-CN.json", "utf8")).nav as Record<string, string> & { short: Record<string, string> };

export const hrefs = {
  home: "/", township: "/township", dashboard: "/township/dashboard", rankings: "/township/rankings",
  settings: "/township/settings", recordEntry: "/entries/new", entries: "/entries", reviews: "/reviews",
  households: "/households", rectifications: "/rectifications", appeals: "/appeals", ruleSets: "/rule-sets",
  extracts: "/extracts", selection: "/selection", accounts: "/admin/accounts", accessCodes: "/access-codes",
  villages: "/admin/villages", audit: "/audit", chains: "/admin/chains", tokens: "/account/tokens", account: "/account",
} as const;
export type MenuKey = keyof typeof hrefs;

export type Menu = { role: string; username: string; items: MenuKey[]; bar: MenuKey[] };

const township: MenuKey[] = ["township", "dashboard", "rankings", "settings", "entries", "reviews", "households", "appeals", "ruleSets",
  "extracts", "selection", "accounts", "accessCodes", "villages", "audit", "chains", "tokens", "account"];

export const menus: Menu[] = [
  { role: "admin", username: "admin", items: township, bar: ["township", "accounts", "villages", "audit"] },
  { role: "official", username: "official", items: township, bar: ["township", "rankings", "extracts", "selection"] },
  {
    role: "clerk", username: "clerk-xinhua", bar: ["home", "recordEntry", "reviews", "households"],
    items: ["home", "rankings", "recordEntry", "entries", "reviews", "households", "rectifications", "appeals", "ruleSets",
      "selection", "accessCodes", "tokens", "account"],
  },
  { role: "representative", username: "rep-xinhua-1", items: ["home", "entries", "reviews", "ruleSets", "tokens", "account"], bar: ["home", "reviews", "ruleSets"] },
  // The first household of each village has a password in the demo data (README).
  { role: "household", username: "JS-XH-00001", items: ["home", "account"], bar: ["home", "account"] },
];

/** The menu of one role, by the name used above. */
export function menuOf(role: string): Menu {
  const menu = menus.find((m) => m.role === role);
  if (!menu) throw new Error(`No menu for the role ${role}`);
  return menu;
}
