"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { currentHref, type NavItem } from "@/lib/navigation";

/** Every item of the role's menu, wrapping onto a second row rather than scrolling out of sight. */
export function FullMenu({ items, className = "" }: { items: NavItem[]; className?: string }) {
  const t = useTranslations("nav");
  const current = currentHref(usePathname(), items.map((item) => item.href));
  return (
    <nav aria-label={t("menu")} className={`border-b border-stone-200 bg-white ${className}`} data-testid="full-menu">
      <ul className="mx-auto flex max-w-5xl flex-wrap gap-x-1 px-2">
        {items.map((item) => {
          const isCurrent = item.href === current;
          return (
            <li key={item.href}>
              <Link href={item.href} aria-current={isCurrent ? "page" : undefined}
                className={`flex min-h-11 items-center whitespace-nowrap px-3 text-base ${isCurrent
                  ? "font-semibold text-red-800 shadow-[inset_0_-3px_0_0_currentColor]"
                  : "text-stone-700 hover:text-red-800"}`}>
                {t(item.labelKey)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
