import "server-only";

// Prisma passes contains / startsWith / endsWith (and equals in "insensitive" mode) to LIKE or
// ILIKE without escaping, so a "%" or "_" a user types would be a wildcard (`q=_` matched every
// household). Backslash is PostgreSQL's default LIKE escape character. Every user string that
// reaches such a filter goes through this.
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, "\\$&");
