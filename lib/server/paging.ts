import "server-only";

/**
 * Paging of a list use case. The API always passes `page` and `pageSize` (its query schemas give
 * defaults); a page that needs the whole list (a chooser, a form) passes neither.
 */
export type Paging = { page?: number | undefined; pageSize?: number | undefined };
export type Page<T> = { items: T[]; page: number; pageSize: number; total: number };

/** skip/take for Prisma; everything when the caller asked for no page. */
export function pageWindow({ page, pageSize }: Paging): { skip?: number; take?: number } {
  if (!pageSize) return {};
  return { skip: ((page ?? 1) - 1) * pageSize, take: pageSize };
}

export function pageEnvelope<T>(items: T[], total: number, { page, pageSize }: Paging): Page<T> {
  return { items, page: page ?? 1, pageSize: pageSize ?? Math.max(items.length, 1), total };
}

/** One page of a list that is already in memory (short lists: quarters, tokens, a rule set's rules). */
export function slicePage<T>(all: T[], paging: Paging): Page<T> {
  const { skip = 0, take = all.length } = pageWindow(paging);
  return pageEnvelope(all.slice(skip, skip + take), all.length, paging);
}
