import "server-only";
import { env, requireDatabaseUrl } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "./prisma-client";

// One client per process, kept on globalThis so dev-server reloads do not open new pools.
// Created on first use: `next build` imports this module without a database.
const globalForDb = globalThis as unknown as { prisma?: PrismaClient };

function client(): PrismaClient {
  globalForDb.prisma ??= createPrismaClient(requireDatabaseUrl(), env.DB_POOL_SIZE);
  return globalForDb.prisma;
}

export const db = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const real = client();
    const value: unknown = Reflect.get(real, prop, real);
    return typeof value === "function" ? value.bind(real) : value;
  },
});
