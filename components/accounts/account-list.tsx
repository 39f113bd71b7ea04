import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import type { AccountOutput } from "@/lib/schemas/accounts";

/** Why the list may be empty: filters that match nothing, or no account yet (and whether the viewer creates them). */
type AccountListEmpty = { filtered: boolean; canCreate: boolean };

/** Accounts as tappable cards: one column on a phone, two on a wider screen. */
export async function AccountList({ accounts, empty }: { accounts: AccountOutput[]; empty: AccountListEmpty }) {
  const [t, roleName] = await Promise.all([getTranslations("accounts"), getTranslations("roles")]);
  if (accounts.length === 0) {
    const create = empty.canCreate ? [{ href: "/admin/accounts/new", label: t("new"), primary: true }] : [];
    return empty.filtered
      ? <EmptyState testId="accounts-empty" message={t("none")} hint={t("noneFilteredHint")} actions={[{ href: "/admin/accounts", label: t("noneReset") }, ...create]} />
      : <EmptyState testId="accounts-empty" message={t("noneYet")} hint={empty.canCreate ? t("noneYetHint") : undefined} actions={create} />;
  }
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
