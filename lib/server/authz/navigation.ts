import "server-only";
import type { Role } from "@/lib/generated/prisma/enums";
import { can, type Permission } from "./index";

// The menu is derived from the policy: each item names the permission its page requires
// (`requireActor(...)` on that page), so a role sees exactly the pages it may open. Showing a
// link never grants access: every page authorizes on the server.
export type NavKey =
  | "home" | "township" | "accounts" | "accessCodes" | "villages" | "audit" | "chains" | "entries"
  | "recordEntry" | "households" | "rectifications" | "appeals" | "reviews" | "ruleSets" | "tokens" | "account" | "signIn"
  | "selection" | "rankings" | "settings" | "extracts" | "dashboard";
export type NavItem = { href: string; labelKey: NavKey };

type MenuItem = NavItem & { permission: Permission; hiddenWith?: Permission };

const menu: MenuItem[] = [
  // Township staff's home is the township overview ("/" redirects there).
  { labelKey: "home", href: "/", permission: "me.read", hiddenWith: "townships.read" },
  { labelKey: "township", href: "/township", permission: "townships.read" },
  { labelKey: "dashboard", href: "/township/dashboard", permission: "dashboard.read" },
  { labelKey: "rankings", href: "/township/rankings", permission: "rankings.read" },
  { labelKey: "settings", href: "/township/settings", permission: "settings.read" },
  { labelKey: "recordEntry", href: "/entries/new", permission: "entries.record" },
  { labelKey: "entries", href: "/entries", permission: "entries.list" },
  { labelKey: "reviews", href: "/reviews", permission: "reviews.read" },
  { labelKey: "households", href: "/households", permission: "households.search" },
  { labelKey: "rectifications", href: "/rectifications", permission: "rectifications.decide" },
  { labelKey: "appeals", href: "/appeals", permission: "appeals.list" },
  { labelKey: "ruleSets", href: "/rule-sets", permission: "ruleSets.read" },
  { labelKey: "extracts", href: "/extracts", permission: "extracts.list" },
  { labelKey: "selection", href: "/selection", permission: "selection.read" },
  { labelKey: "accounts", href: "/admin/accounts", permission: "accounts.read" },
  { labelKey: "accessCodes", href: "/access-codes", permission: "accounts.issueAccessCode" },
  { labelKey: "villages", href: "/admin/villages", permission: "villages.manage" },
  { labelKey: "audit", href: "/audit", permission: "audit.read" },
  { labelKey: "chains", href: "/admin/chains", permission: "chains.verify" },
  { labelKey: "tokens", href: "/account/tokens", permission: "tokens.manageOwn" },
  { labelKey: "account", href: "/account", permission: "me.read" },
];

export function navigationFor(role: Role | "ANONYMOUS"): NavItem[] {
  if (role === "ANONYMOUS") return [{ labelKey: "signIn", href: "/sign-in" }];
  const actor = { role };
  return menu
    .filter((item) => can(actor, item.permission) && !(item.hiddenWith && can(actor, item.hiddenWith)))
    .map(({ labelKey, href }) => ({ labelKey, href }));
}
