import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // pg and the Prisma adapter are Node libraries; keep them out of the bundle.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@node-rs/argon2", "sharp", "exceljs"],
  // Turbopack keeps a build cache in .next to speed up the next build; CI builds a clean clone once
  // and would only pay for writing it (70 s seen on this 2-core machine).
  experimental: { turbopackFileSystemCacheForBuild: !process.env.CI },
};

export default withNextIntl(nextConfig);
