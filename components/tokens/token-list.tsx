import { getFormatter, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import type { TokenView } from "@/lib/schemas/tokens";
import { RevokeTokenButton } from "./revoke-token-button";

export async function TokenList({ tokens }: { tokens: TokenView[] }) {
  const [t, format] = await Promise.all([getTranslations("tokens"), getFormatter()]);
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  if (tokens.length === 0) return <EmptyState testId="tokens-empty" message={t("empty")} hint={t("emptyHint")} />;
  return (
    <ul className="space-y-3" data-testid="token-list">
      {tokens.map((token) => (
        <li
          key={token.id}
          data-testid="token-row"
          // A revoked token is set apart by a muted card, not by fading it: faded text falls below 4.5:1.
          className={`rounded-lg border p-4 ${token.revokedAt ? "border-dashed border-stone-300 bg-stone-50" : "border-stone-300 bg-white shadow-sm"}`}
        >
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h3 className="font-semibold break-all">{token.name}</h3>
            <span
              className={`rounded px-2 py-0.5 text-sm ${token.revokedAt ? "bg-stone-200 text-stone-700" : "bg-green-100 text-green-800"}`}
            >
              {token.revokedAt ? t("revoked") : t("active")}
            </span>
          </div>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-stone-500">{t("prefix")}</dt>
            <dd className="font-mono">{token.prefix}…</dd>
            <dt className="text-stone-500">{t("created")}</dt>
            <dd>{when(token.createdAt)}</dd>
            <dt className="text-stone-500">{t("lastUsed")}</dt>
            <dd>{token.lastUsedAt ? when(token.lastUsedAt) : t("neverUsed")}</dd>
            {token.revokedAt ? (
              <>
                <dt className="text-stone-500">{t("revokedAt")}</dt>
                <dd>{when(token.revokedAt)}</dd>
              </>
            ) : null}
          </dl>
          {token.revokedAt ? null : (
            <div className="mt-3 sm:max-w-xs">
              <RevokeTokenButton id={token.id} name={token.name} />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
