import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

// The end-to-end tests need a Chromium. Use one that is installed; otherwise install one and
// say so: Debian's package (with CJK fonts, or Chinese renders as boxes) when we are root on
// Debian or Ubuntu, else Playwright's own download.
const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

function installed(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((candidate) => existsSync(candidate));
}

function isDebianLike(): boolean {
  if (!existsSync("/etc/os-release")) return false;
  return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(readFileSync("/etc/os-release", "utf8"));
}

function sh(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: "inherit" }).status === 0;
}

/** Returns the Chromium executable to use, or undefined to use Playwright's bundled browser. */
export function ensureChromium(): string | undefined {
  const found = installed();
  if (found) return found;
  if (process.getuid?.() === 0 && isDebianLike()) {
    console.log("• No Chromium found: installing Debian's chromium and fonts-noto-cjk with apt-get");
    if (sh("apt-get", ["update", "-qq"]) && sh("apt-get", ["install", "-y", "-qq", "chromium", "fonts-noto-cjk"])) {
      const now = installed();
      if (now) return now;
    }
    throw new Error("apt-get could not install chromium; install it and run the tests again");
  }
  console.log("• No Chromium found: downloading Playwright's Chromium (npx playwright install chromium)");
  if (!sh("npx", ["playwright", "install", "chromium"])) throw new Error("Playwright's browser download failed");
  return undefined;
}
