import "server-only";
import type { TokenView } from "@/lib/schemas/tokens";

// What a token looks like outside the database: never its hash.
export const tokenSelect = {
  id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true,
} as const;

type TokenRow = { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

export const toTokenView = (row: TokenRow): TokenView => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});
