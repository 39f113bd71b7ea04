"use client";

import * as Dialog from "@radix-ui/react-dialog";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { NavItem } from "@/lib/navigation";
import { NavIcon } from "./nav-icons";
import { barItemClass } from "./bar-item-class";

/** "更多": a sheet from the bottom of the screen listing the menu items that are not in the bar. */
export function MoreSheet({ items, current }: { items: NavItem[]; current: string | undefined }) {
  const t = useTranslations("nav");
  const [open, setOpen] = useState(false);
  // The bar marks "更多" when the page open is one of the sheet's.
  const holdsCurrent = items.some((item) => item.href === current);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger className={barItemClass(holdsCurrent)}>
        <NavIcon name="more" />
        <span>{t("more")}</span>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-stone-900/50" />
        <Dialog.Content aria-describedby={undefined} data-testid="more-sheet"
          className="fixed inset-x-0 bottom-0 z-50 max-h-[85dvh] overflow-y-auto rounded-t-2xl bg-white px-4 pt-2 pb-[calc(1rem+env(safe-area-inset-bottom))] shadow-xl">
          <div className="flex items-center justify-between">
            <Dialog.Title className="text-lg font-semibold">{t("more")}</Dialog.Title>
            <Dialog.Close aria-label={t("close")} className="flex size-12 items-center justify-center rounded-full text-stone-600 hover:bg-stone-100">
              <NavIcon name="close" />
            </Dialog.Close>
          </div>
          <nav aria-label={t("menu")}>
            <ul className="grid grid-cols-3 gap-2">
              {items.map((item) => {
                const isCurrent = item.href === current;
                return (
                  <li key={item.href}>
                    <Link href={item.href} aria-current={isCurrent ? "page" : undefined} onClick={() => setOpen(false)}
                      className={`flex h-full min-h-18 flex-col items-center justify-center gap-1 rounded-lg border p-2 text-center text-sm leading-snug ${isCurrent
                        ? "border-red-800 bg-red-50 font-semibold text-red-800"
                        : "border-stone-200 text-stone-800 hover:border-red-800"}`}>
                      <NavIcon name={item.labelKey} />
                      <span>{t(item.labelKey)}</span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
