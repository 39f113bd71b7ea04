import { defineConfig } from "prisma/config";

// The native schema engine cannot be downloaded everywhere; migrations run through
// scripts/db/*.ts on Prisma's WASM engine instead (docs/decisions/0001).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unused" },
});
