import { readFileSync, readdirSync } from "node:fs";

// The server's memory as the operating system sees it: the resident set of the process it was
// started as and of every descendant (tsx, node, any worker Next forks), read from /proc.

function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: fields are counted after its ")".
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null; // gone between the listing and the read
  }
}

function residentBytes(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = status.match(/^VmRSS:\s+(\d+) kB$/m)?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The resident memory of a process and all its descendants, in bytes. */
export function treeResidentBytes(root: number): number {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    const parent = parentOf(pid);
    if (parent !== null) children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += residentBytes(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/**
 * Samples a process tree's resident memory every `everyMs` and keeps the peak of the whole run,
 * and the peak since the last `windowPeak()` call (which operation drove it).
 */
export function sampleMemory(root: number, everyMs = 200) {
  let peak = treeResidentBytes(root);
  let window = peak;
  const timer = setInterval(() => {
    const now = treeResidentBytes(root);
    peak = Math.max(peak, now);
    window = Math.max(window, now);
  }, everyMs);
  return {
    peakBytes: () => peak,
    windowPeak: () => {
      const seen = window;
      window = 0;
      return seen;
    },
    stop: () => clearInterval(timer),
  };
}
