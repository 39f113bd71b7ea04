import "server-only";
import { env, requireDatabaseUrl } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "./prisma-client";
import { scopedReadClient } from "./read-routing/read-scope";

// One client per process, kept on globalThis so dev-server reloads do not open new pools.
// Created on first use: `next build` imports this module without a database.
const globalForDb = globalThis as unknown as { prisma?: PrismaClient };

/** The primary: every write, every transaction and every read that must be fresh. */
export function primaryClient(): PrismaClient {
  globalForDb.prisma ??= createPrismaClient(requireDatabaseUrl(), env.DB_POOL_SIZE);
  return globalForDb.prisma;
}

/**
 * The app's database. Always the primary, except inside withLagTolerantReads
 * (lib/server/read-routing/lag-tolerant-reads.ts), where it is a client whose reads go to a replica.
 */
export const db = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const real = (scopedReadClient() ?? primaryClient()) as PrismaClient;
    const value: unknown = Reflect.get(real, prop, real);
    return typeof value === "function" ? value.bind(real) : value;
  },
});
