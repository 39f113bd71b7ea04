import { spawn, spawnSync } from "node:child_process";
import { closeSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { signalGroup, stopProcessGroup } from "./processes";

// The load balancer of the loopback cluster: HAProxy (Debian's haproxy package, 2.6), run in the
// foreground (-db) as a child of its own process group with a configuration written here.

export const HAPROXY = process.env.HAPROXY_BIN ?? "/usr/sbin/haproxy";
/** The response header naming the instance that answered (haproxy's server name, app1, app2, …). */
export const SERVED_BY_HEADER = "X-Served-By";

export type HaproxyConfigInput = {
  port: number;
  instancePorts: number[];
  /** false: only anomalies are logged (errors, retries, redispatches, 5xx), for long load runs. */
  logRequests?: boolean;
};

export function haproxyConfig({ port, instancePorts, logRequests = true }: HaproxyConfigInput): string {
  const servers = instancePorts.map((p, i) => `    server app${i + 1} 127.0.0.1:${p} check`);
  return `# Written by scripts/cluster/haproxy.ts; changes are overwritten by the next start.
global
    # One line per request on stderr (the cluster's haproxy.log), no syslog daemon needed.
    log stderr format raw daemon info
    maxconn 4096

defaults
    mode http
    log global
    option httplog
    option dontlognull
${logRequests ? "" : "    option dontlog-normal\n"}    # The client's address for the app, which believes it from 127.0.0.1 (TRUSTED_PROXIES).
    option forwardfor
    timeout connect 2s
    timeout http-request 10s
    timeout http-keep-alive 10s
    timeout queue 10s
    # Exports and closing a large review take seconds; a minute is far past any operation.
    timeout client 60s
    timeout server 60s
    timeout check 2s

    # A request that failed on one instance is tried again, on another (redispatch on every retry:
    # the default tries the failed one first, after a one-second pause).
    retries 2
    option redispatch 1
    # conn-failure: the request was never sent, always safe. empty-response: it was sent and the
    # connection closed with no answer (an instance killed mid-request, or closing an idle
    # keep-alive connection as the request arrived); it may have been processed, so it is retried
    # only when a replay does no harm, below. Not response-timeout (it would replay slow, expensive
    # requests) nor 5xx (the app answered; the client decides).
    retry-on conn-failure empty-response

frontend web
    bind 127.0.0.1:${port}
    default_backend app

backend app
    balance roundrobin
    # Replaying a sent request is harmless for GET/HEAD, and for a creating POST that carries an
    # Idempotency-Key (the app answers the replay with the first answer, or 409 while the outcome
    # is unknown: never a second record). Anything else (sign-in, Server Actions, votes, changes of
    # status) is only retried when it could not be sent at all.
    http-request disable-l7-retry unless METH_GET || { req.hdr(idempotency-key) -m found }
    http-response set-header ${SERVED_BY_HEADER} %[srv_name]
    # Ready only when the instance reaches the database with every migration applied.
    option httpchk
    http-check send meth GET uri /api/health ver HTTP/1.1 hdr Host 127.0.0.1
    http-check expect status 200
    # Checked twice a second; down after two failures, back after two successes. A refused
    # connection marks it down at once rather than waiting for the checks.
    default-server inter 500ms fastinter 250ms downinter 1s fall 2 rise 2 observe layer4 error-limit 1 on-error mark-down
${servers.join("\n")}
`;
}

export type RunningHaproxy = {
  pid: number;
  /** SIGTERM (haproxy's immediate stop), then SIGKILL after 10 s. */
  stop: () => Promise<void>;
  log: () => string;
};

/** Writes the configuration, checks it (haproxy -c) and starts haproxy on it. */
export function startHaproxy(files: { config: string; log: string }, input: HaproxyConfigInput, outlive = false): RunningHaproxy {
  writeFileSync(files.config, haproxyConfig(input));
  const check = spawnSync(HAPROXY, ["-c", "-q", "-f", files.config], { encoding: "utf8" });
  if (check.error) throw new Error(`${HAPROXY} could not run (${check.error.message}): install Debian's haproxy package or set HAPROXY_BIN`);
  if (check.status !== 0) throw new Error(`haproxy refused ${files.config}:\n${check.stdout}${check.stderr}`);
  const output = openSync(files.log, "a");
  const child = spawn(HAPROXY, ["-db", "-f", files.config], { detached: true, stdio: ["ignore", output, output] });
  closeSync(output);
  const pid = child.pid!;
  const stop = () => stopProcessGroup(pid);
  const endWithUs = () => signalGroup(pid, "SIGTERM");
  if (outlive) child.unref();
  else process.once("exit", endWithUs);
  return {
    pid,
    stop: async () => {
      process.removeListener("exit", endWithUs);
      await stop();
    },
    log: () => readFileSync(files.log, "utf8"),
  };
}
