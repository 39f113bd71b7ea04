import Link from "next/link";

type Labels = { nav: string; previous: string; next: string; position: string };
type Props = { page: number; pageSize: number; total: number; href: (page: number) => string; labels: Labels };

/** Previous / next links with large tap targets; nothing when everything fits on one page. */
export function Pager({ page, pageSize, total, href, labels }: Props) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages === 1) return null;
  const link = "flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-4";
  return (
    <nav aria-label={labels.nav} className="flex flex-wrap items-center gap-3 print:hidden">
      {page > 1 ? <Link href={href(page - 1)} className={link} rel="prev">{labels.previous}</Link> : null}
      <span className="text-sm text-stone-600">{labels.position}</span>
      {page < pages ? <Link href={href(page + 1)} className={link} rel="next">{labels.next}</Link> : null}
    </nav>
  );
}
