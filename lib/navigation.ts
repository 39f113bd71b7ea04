import type { Role } from "@/lib/generated/prisma/enums";

// What each role finds in the navigation. Only pages that exist are listed; each later feature
// adds its pages here. Showing a link never grants access: every page checks on the server.
export type NavItem = { href: string; labelKey: "overview" | "signIn" };

const common: NavItem[] = [{ href: "/", labelKey: "overview" }];

export const navigationByRole: Record<Role | "ANONYMOUS", NavItem[]> = {
  ANONYMOUS: [...common, { href: "/sign-in", labelKey: "signIn" }],
  ADMIN: common,
  TOWNSHIP_OFFICIAL: common,
  CLERK: common,
  REPRESENTATIVE: common,
  HOUSEHOLD: common,
};
