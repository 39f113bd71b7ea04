import Link from "next/link";
import { useTranslations } from "next-intl";

/** From the township overview to the dashboard. */
export function DashboardLink() {
  const t = useTranslations("dashboard");
  return (
    <Link href="/township/dashboard" className="flex min-h-11 items-center rounded-md border border-red-200 bg-red-50 px-4 py-2 text-red-900 underline-offset-2 hover:underline" data-testid="dashboard-link">
      {t("link")} →
    </Link>
  );
}
