import Link from "next/link";
import { getTranslations } from "next-intl/server";

type Props = { page: number; pageSize: number; total: number; href: (page: number) => string };

export async function HouseholdPager({ page, pageSize, total, href }: Props) {
  const t = await getTranslations("households");
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const link = "flex min-h-12 items-center rounded-md border border-stone-300 bg-white px-5";
  return (
    <nav aria-label={t("paging")} className="flex flex-wrap items-center justify-between gap-3">
      {page > 1 ? <Link href={href(page - 1)} className={link} rel="prev">{t("previous")}</Link> : <span />}
      <span className="text-sm text-stone-600">{t("pageOf", { page, pages })}</span>
      {page < pages ? <Link href={href(page + 1)} className={link} rel="next" data-testid="next-page">{t("next")}</Link> : <span />}
    </nav>
  );
}
