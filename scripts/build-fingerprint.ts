import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

// `npm start` builds only when the sources changed since the last build: a hash of the
// paths, sizes and modification times of everything that goes into the build.
const INPUTS = ["app", "components", "lib", "i18n", "messages", "public", "prisma/schema.prisma", "proxy.ts", "instrumentation.ts",
  "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];
const SKIP = new Set(["generated", "node_modules"]);
const STAMP = path.join(".next", "fca-build-fingerprint");

function walk(target: string, out: string[]): void {
  if (!existsSync(target)) return;
  const stat = statSync(target);
  if (stat.isDirectory()) {
    for (const name of readdirSync(target).sort()) if (!SKIP.has(name)) walk(path.join(target, name), out);
  } else {
    out.push(`${target}:${stat.size}:${stat.mtimeMs}`);
  }
}

export function sourceFingerprint(): string {
  const lines: string[] = [];
  for (const input of INPUTS) walk(input, lines);
  return createHash("sha256").update(lines.join("\n")).digest("hex");
}

export function isBuildCurrent(): boolean {
  return existsSync(path.join(".next", "BUILD_ID")) && existsSync(STAMP)
    && readFileSync(STAMP, "utf8") === sourceFingerprint();
}

export function recordBuild(): void {
  writeFileSync(STAMP, sourceFingerprint());
}
