import type { Role } from "@/lib/generated/prisma/enums";

// What each role finds in the navigation. Showing a link never grants access: every page
// authorizes on the server (lib/server/authz/).
export type NavKey = "home" | "township" | "accounts" | "accessCodes" | "villages" | "audit" | "chains" | "entries" | "recordEntry" | "households" | "rectifications" | "appeals" | "tokens" | "account" | "signIn";
export type NavItem = { href: string; labelKey: NavKey };

const item = (labelKey: NavKey, href: string): NavItem => ({ labelKey, href });
const township = item("township", "/township");
const accounts = item("accounts", "/admin/accounts");
const villages = item("villages", "/admin/villages");
const audit = item("audit", "/audit");
const chains = item("chains", "/admin/chains");
const tokens = item("tokens", "/account/tokens");
const account = item("account", "/account");
const home = item("home", "/");
const households = item("households", "/households");
const appeals = item("appeals", "/appeals");

export const navigationByRole: Record<Role | "ANONYMOUS", NavItem[]> = {
  ANONYMOUS: [item("signIn", "/sign-in")],
  ADMIN: [township, households, appeals, accounts, villages, audit, chains, tokens, account],
  TOWNSHIP_OFFICIAL: [township, households, appeals, accounts, item("accessCodes", "/access-codes"), villages, audit, chains, tokens, account],
  CLERK: [home, item("recordEntry", "/entries/new"), item("entries", "/entries"), households, item("rectifications", "/rectifications"), appeals, item("accessCodes", "/access-codes"), tokens, account],
  REPRESENTATIVE: [home, tokens, account],
  HOUSEHOLD: [home, account],
};
