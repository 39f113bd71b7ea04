import { getFormatter, getTranslations } from "next-intl/server";
import type { SignInEvent } from "@/lib/schemas/sign-ins";

/**
 * The account's recent sign-ins, the access codes issued for it and the resets of its password,
 * newest first. A sign-in with an access code or a temporary password is shown apart, with who
 * issued the code or set the password: it may have been staff.
 */
export async function SignInHistory({ items }: { items: SignInEvent[] }) {
  const [t, roleName, format] = await Promise.all([getTranslations("account.signIns"), getTranslations("roles"), getFormatter()]);
  if (items.length === 0) return <p className="text-stone-600">{t("none")}</p>;
  const when = (at: string) => format.dateTime(new Date(at), { dateStyle: "medium", timeStyle: "short" });
  return (
    <ol className="divide-y divide-stone-100" data-testid="sign-in-history">
      {items.map((item, i) => (
        <li key={`${item.kind}-${item.at}-${i}`} className="py-2" data-testid={`sign-in-${item.kind}`}>
          <span className="block text-sm text-stone-500">{when(item.at)}</span>
          {item.kind === "signIn" ? (
            <span className={item.method === "ACCESS_CODE" || item.method === "TEMPORARY_PASSWORD" ? "font-semibold text-amber-900" : undefined}>
              {t(`method.${item.method ?? "UNKNOWN"}`)}
              <span className="ml-2 font-mono text-sm text-stone-600">{t("address", { address: item.address })}</span>
            </span>
          ) : (
            <span>
              {item.issuer
                ? t(item.kind === "passwordReset" ? "passwordResetBy" : "codeIssuedBy",
                  { place: item.issuer.place ?? "", role: roleName(item.issuer.role), name: item.issuer.displayName })
                : t(item.kind === "passwordReset" ? "passwordReset" : "codeIssued")}
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}
