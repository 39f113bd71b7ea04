import { getFormatter, getTranslations } from "next-intl/server";
import { ArchiveNo } from "@/components/ui/archive-no";
import { EmptyState } from "@/components/ui/empty-state";
import type { HouseholdForAccessCode } from "@/lib/server/accounts/find-households-for-access-code";
import { IssueAccessCode } from "./issue-access-code";

/** Households found for the clerk, each with its sign-in state and a way to issue a code. */
export async function HouseholdSearchResults({ households }: { households: HouseholdForAccessCode[] }) {
  const [t, format] = await Promise.all([getTranslations("accessCodes"), getFormatter()]);
  // Everyone who issues codes may also search the household register (lib/server/authz policy).
  if (households.length === 0) return <EmptyState message={t("noneFound")} hint={t("noneFoundHint")} actions={[{ href: "/households", label: t("noneFoundRegister") }]} />;
  const day = (date: Date) => format.dateTime(date, { dateStyle: "medium" });
  const stateOf = (h: HouseholdForAccessCode) => {
    if (h.status !== "ACTIVE") return t(`householdStatus.${h.status}`);
    if (!h.hasAccount) return t("noAccount");
    if (!h.accountActive) return t("accountInactive");
    if (h.pendingCodeExpiresAt) return t("codePending", { date: day(h.pendingCodeExpiresAt) });
    return h.lastSeenAt ? t("lastSeen", { date: day(h.lastSeenAt) }) : t("neverSignedIn");
  };
  return (
    <ul className="space-y-3">
      {households.map((h) => (
        <IssueAccessCode key={h.id} householdId={h.id} replacesCode={!!h.pendingCodeExpiresAt}
          canIssue={h.status === "ACTIVE" && (!h.hasAccount || h.accountActive)}>
          <div>
            <p className="flex flex-wrap items-baseline gap-x-3">
              <ArchiveNo className="font-mono font-semibold">{h.archiveNo}</ArchiveNo>
              <span className="text-lg">{h.headName}</span>
              <span className="text-sm text-stone-500">{h.villageName}</span>
            </p>
            <p className="text-sm text-stone-600">{stateOf(h)}</p>
          </div>
        </IssueAccessCode>
      ))}
    </ul>
  );
}
