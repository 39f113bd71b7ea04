import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { AccountOutput } from "@/lib/schemas/accounts";

/** Accounts as tappable cards: one column on a phone, two on a wider screen. */
export async function AccountList({ accounts }: { accounts: AccountOutput[] }) {
  const [t, roleName] = await Promise.all([getTranslations("accounts"), getTranslations("roles")]);
  if (accounts.length === 0) return <p className="rounded-lg bg-white p-4 text-stone-600">{t("none")}</p>;
  return (
    <ul className="grid grid-cols-1 gap-2 md:grid-cols-2" data-testid="account-list">
      {accounts.map((a) => (
        <li key={a.id}>
          <Link href={`/admin/accounts/${a.id}`} data-testid="account-row"
            className="flex min-h-11 flex-col gap-1 rounded-lg border border-stone-200 bg-white p-3 shadow-sm hover:border-red-800">
            <span className="flex flex-wrap items-center gap-2">
              <span className="font-semibold">{a.displayName}</span>
              <span className="rounded bg-stone-100 px-2 py-0.5 text-xs text-stone-700">{roleName(a.role)}</span>
              {a.active ? null : <span className="rounded bg-stone-700 px-2 py-0.5 text-xs text-white">{t("inactive")}</span>}
            </span>
            <span className="font-mono text-sm text-stone-600">{a.username}</span>
            <span className="text-sm text-stone-500">{[a.township?.name, a.village?.name].filter(Boolean).join(" · ") || t("wholeSystem")}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
