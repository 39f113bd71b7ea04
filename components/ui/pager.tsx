import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { buttonClass } from "./button";

const step = buttonClass({ tone: "plain" });

type Step = { href: string; text: string; rel?: "prev" | "next"; testId?: string };

/** The markup both pagers share: a step back, where the list stands, a step on. */
function PagerNav({ label, back, position, forward }: { label: string; back?: Step; position?: ReactNode; forward?: Step }) {
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-3 print:hidden">
      {back ? <Link href={back.href} className={step} rel={back.rel} data-testid={back.testId}>{back.text}</Link> : null}
      {position ? <span className="text-sm text-stone-600">{position}</span> : null}
      {forward ? <Link href={forward.href} className={step} rel={forward.rel} data-testid={forward.testId}>{forward.text}</Link> : null}
    </nav>
  );
}

type PagerProps = {
  page: number;
  pageSize: number;
  total: number;
  href: (page: number) => string;
  /** The navigation's name, where a page has two lists. */
  label?: string;
  /** Where the list stands, when it should say more than "page 2 of 5". */
  position?: string;
  nextTestId?: string;
};

/** Numbered pages: previous and next links with large tap targets; nothing when everything fits on one page. */
export async function Pager({ page, pageSize, total, href, label, position, nextTestId = "next-page" }: PagerProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages === 1) return null;
  const t = await getTranslations("pager");
  return (
    <PagerNav label={label ?? t("nav")} position={position ?? t("position", { page, pages })}
      back={page > 1 ? { href: href(page - 1), text: t("previous"), rel: "prev" } : undefined}
      forward={page < pages ? { href: href(page + 1), text: t("next"), rel: "next", testId: nextTestId } : undefined} />
  );
}

type CursorPagerProps = {
  /** The first page, offered once the reader has gone past it. */
  firstHref?: string;
  /** The page after this one, if there is one. */
  nextHref?: string;
  nextTestId?: string;
};

/** A list read newest first by cursor: back to the newest, or on to older records. */
export async function CursorPager({ firstHref, nextHref, nextTestId = "next-page" }: CursorPagerProps) {
  if (!firstHref && !nextHref) return null;
  const t = await getTranslations("pager");
  return (
    <PagerNav label={t("nav")}
      back={firstHref ? { href: firstHref, text: t("newest") } : undefined}
      forward={nextHref ? { href: nextHref, text: t("older"), rel: "next", testId: nextTestId } : undefined} />
  );
}
