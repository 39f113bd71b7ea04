import type { ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { ArchiveNo } from "@/components/ui/archive-no";
import type { AccountOutput } from "@/lib/schemas/accounts";

/** What the archive knows about an account, for the people who manage it. */
export async function AccountDetails({ account }: { account: AccountOutput }) {
  const [t, roleName, format] = await Promise.all([getTranslations("accounts"), getTranslations("roles"), getFormatter()]);
  const when = (iso: string | null) => (iso ? format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" }) : t("never"));
  const household = (h: AccountOutput["household"]) => (h ? <><ArchiveNo>{h.archiveNo}</ArchiveNo> · {h.headName}</> : null);
  const rows: [string, ReactNode][] = [
    [t("username"), <span key="u" className="font-mono">{account.username}</span>],
    [t("role"), roleName(account.role)],
    [t("township"), account.township?.name ?? t("wholeSystem")],
    [t("village"), account.village?.name],
    [t("household"), household(account.household)],
    [t("homeHousehold"), household(account.homeHousehold)],
    [t("status"), account.active ? t("active") : t("inactive")],
    [t("lastSeen"), when(account.lastSeenAt)],
    [t("mustChangePassword"), account.mustChangePassword ? t("yes") : t("no")],
    [t("accessCodeUntil"), account.hasAccessCode ? when(account.accessCodeExpiresAt) : null],
    [t("lockedUntil"), account.lockedUntil ? when(account.lockedUntil) : null],
    [t("createdAt"), when(account.createdAt)],
  ];
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2" data-testid="account-details">
      {rows.filter(([, value]) => value).map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-stone-500">{label}</dt>
          <dd className="break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
