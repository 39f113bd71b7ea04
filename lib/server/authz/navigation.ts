import "server-only";
import type { Role } from "@/lib/generated/prisma/enums";
import type { NavItem, NavKey } from "@/lib/navigation";
import { can, type Permission } from "./index";

// The menu is derived from the policy: each item names the permission its page requires
// (`requireActor(...)` on that page), so a role sees exactly the pages it may open. Showing a
// link never grants access: every page authorizes on the server.
// `dailyFor` names the roles that use the page every day: on a phone those items sit in the
// bottom bar (at most four per role) and every other item is one tap away behind "更多".
type MenuItem = { href: string; labelKey: NavKey; permission: Permission; hiddenWith?: Permission; dailyFor?: readonly Role[] };

const menu: MenuItem[] = [
  // Township staff's home is the township overview ("/" redirects there).
  { labelKey: "home", href: "/", permission: "me.read", hiddenWith: "townships.read", dailyFor: ["CLERK", "REPRESENTATIVE", "HOUSEHOLD"] },
  { labelKey: "township", href: "/township", permission: "townships.read", dailyFor: ["ADMIN", "TOWNSHIP_OFFICIAL"] },
  { labelKey: "dashboard", href: "/township/dashboard", permission: "dashboard.read" },
  { labelKey: "rankings", href: "/township/rankings", permission: "rankings.read", dailyFor: ["TOWNSHIP_OFFICIAL"] },
  { labelKey: "settings", href: "/township/settings", permission: "settings.read" },
  { labelKey: "recordEntry", href: "/entries/new", permission: "entries.record", dailyFor: ["CLERK"] },
  { labelKey: "entries", href: "/entries", permission: "entries.list" },
  { labelKey: "reviews", href: "/reviews", permission: "reviews.read", dailyFor: ["CLERK", "REPRESENTATIVE"] },
  { labelKey: "households", href: "/households", permission: "households.search", dailyFor: ["CLERK"] },
  { labelKey: "rectifications", href: "/rectifications", permission: "rectifications.decide" },
  { labelKey: "appeals", href: "/appeals", permission: "appeals.list" },
  { labelKey: "ruleSets", href: "/rule-sets", permission: "ruleSets.read", dailyFor: ["REPRESENTATIVE"] },
  { labelKey: "extracts", href: "/extracts", permission: "extracts.list", dailyFor: ["TOWNSHIP_OFFICIAL"] },
  { labelKey: "selection", href: "/selection", permission: "selection.read", dailyFor: ["TOWNSHIP_OFFICIAL"] },
  { labelKey: "accounts", href: "/admin/accounts", permission: "accounts.read", dailyFor: ["ADMIN"] },
  { labelKey: "accessCodes", href: "/access-codes", permission: "accounts.issueAccessCode" },
  { labelKey: "villages", href: "/admin/villages", permission: "villages.manage", dailyFor: ["ADMIN"] },
  { labelKey: "audit", href: "/audit", permission: "audit.read", dailyFor: ["ADMIN"] },
  { labelKey: "chains", href: "/admin/chains", permission: "chains.verify" },
  { labelKey: "tokens", href: "/account/tokens", permission: "tokens.manageOwn" },
  { labelKey: "account", href: "/account", permission: "me.read", dailyFor: ["HOUSEHOLD"] },
];

export function navigationFor(role: Role | "ANONYMOUS"): NavItem[] {
  if (role === "ANONYMOUS") return [{ labelKey: "signIn", href: "/sign-in", isDaily: false }];
  const actor = { role };
  return menu
    .filter((item) => can(actor, item.permission) && !(item.hiddenWith && can(actor, item.hiddenWith)))
    .map(({ labelKey, href, dailyFor }) => ({ labelKey, href, isDaily: dailyFor?.includes(role) ?? false }));
}
