"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { currentHref, type NavItem } from "@/lib/navigation";
import { barItemClass } from "./bar-item-class";
import { MoreSheet } from "./more-sheet";
import { NavIcon } from "./nav-icons";

/**
 * The phone's menu: a bar fixed to the bottom of the screen with the role's daily items, and
 * "更多" opening a sheet with all the others, so that every item is one glance or one tap away.
 * Its height is `--spacing-phone-bar` (app/globals.css): what must stay in sight above it uses
 * the same, as `bottom-phone-bar` below the `sm` breakpoint.
 */
export function PhoneMenu({ items }: { items: NavItem[] }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  const current = currentHref(pathname, items.map((item) => item.href));
  const daily = items.filter((item) => item.isDaily);
  const others = items.filter((item) => !item.isDaily);
  return (
    <nav aria-label={t("menu")} data-testid="phone-menu"
      className="fixed inset-x-0 bottom-0 z-30 h-phone-bar border-t border-stone-200 bg-white pb-[env(safe-area-inset-bottom)] shadow-[0_-1px_4px_rgb(0_0_0/0.06)] sm:hidden print:hidden">
      <ul className="flex">
        {daily.map((item) => (
          <li key={item.href} className="flex-1">
            <Link href={item.href} aria-current={item.href === current ? "page" : undefined} className={barItemClass(item.href === current)}>
              <NavIcon name={item.labelKey} />
              <span>{t(`short.${item.labelKey}`)}</span>
            </Link>
          </li>
        ))}
        {others.length > 0 && (
          <li className="flex-1">
            {/* Keyed by the path, so the sheet closes whenever the page changes (a link, or Back). */}
            <MoreSheet key={pathname} items={others} current={current} />
          </li>
        )}
      </ul>
    </nav>
  );
}
