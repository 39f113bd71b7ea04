import { readFileSync } from "node:fs";

// Processes of the cluster that may not be this process's children (cluster:down stops what
// cluster:up left running): each was spawned as the leader of its own process group, so the
// group is signalled, which also ends anything it started.

/** Alive and not a zombie; an exited process whose parent has not reaped it still answers signal 0. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  try {
    // /proc/<pid>/stat: "pid (command) state …"; the command may contain spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return true; // no /proc: signal 0 is all there is
  }
}

/** The process's command line, or null when it is gone or the system has no /proc. */
export function commandLineOf(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ").trim();
  } catch {
    return null;
  }
}

export function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** Signals the group and waits for its leader to end; SIGKILL after `graceMs`. */
export async function stopProcessGroup(pid: number, signal: NodeJS.Signals = "SIGTERM", graceMs = 10_000): Promise<void> {
  signalGroup(pid, signal);
  const deadline = Date.now() + graceMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      signalGroup(pid, "SIGKILL");
      if (Date.now() > deadline + 5_000) throw new Error(`process ${pid} did not end after SIGKILL`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
