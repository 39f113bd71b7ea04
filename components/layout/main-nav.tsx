import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Role } from "@/lib/generated/prisma/enums";
import { navigationFor } from "@/lib/server/authz/navigation";

export async function MainNav({ role }: { role: Role | "ANONYMOUS" }) {
  const t = await getTranslations("nav");
  return (
    <nav aria-label={t("menu")} className="border-b border-stone-200 bg-white">
      <ul className="mx-auto flex max-w-5xl gap-1 overflow-x-auto px-2">
        {navigationFor(role).map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              className="flex min-h-12 items-center whitespace-nowrap px-3 text-base text-stone-700 hover:text-red-800"
            >
              {t(item.labelKey)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
