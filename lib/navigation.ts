// The menu's shape, shared by the server policy (lib/server/authz/navigation.ts), which decides what
// a role sees, and the client menu, which marks the page the person is on.
export type NavKey =
  | "home" | "township" | "accounts" | "accessCodes" | "villages" | "audit" | "chains" | "entries"
  | "recordEntry" | "households" | "rectifications" | "appeals" | "reviews" | "ruleSets" | "tokens" | "account" | "signIn"
  | "selection" | "rankings" | "settings" | "extracts" | "dashboard";

/** One menu link; `isDaily` items sit in the phone's bottom bar, the rest behind "更多". */
export type NavItem = { href: string; labelKey: NavKey; isDaily: boolean };

// Four daily items and the "更多" button fill a phone's width at 44 px or more each.
export const MAX_DAILY_ITEMS = 4;

/**
 * The menu link for the page at `pathname`: the longest href that is the path or a parent of it,
 * so /entries/new marks 记录 rather than 档案记录, and / marks only the home page itself.
 */
export function currentHref(pathname: string, hrefs: readonly string[]): string | undefined {
  const matches = (href: string) => pathname === href || (href !== "/" && pathname.startsWith(`${href}/`));
  return hrefs.filter(matches).sort((a, b) => b.length - a.length)[0];
}
