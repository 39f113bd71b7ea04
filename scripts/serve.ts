import { createServer } from "node:http";
import { parseTrustedProxies } from "../lib/domain/client-address";
import { assertProductionEnv, env } from "../lib/env";
import { stampClientAddress } from "./stamp-client-address";

// The production server: `next start`, plus the one thing Next cannot do on its own — tell the
// app which address a request really comes from. Next only fills X-Forwarded-For when it is
// absent, so behind `next start` the app sees whatever the client wrote there. Here the socket
// peer decides (or, when it is one of TRUSTED_PROXIES, the right-most untrusted hop), and the
// result travels in CLIENT_ADDRESS_HEADER after any copy the client sent was removed
// (docs/decisions/0009). Usage: node --import tsx scripts/serve.ts [-p port] [-H hostname]

function option(flag: string, long: string): string | undefined {
  const args = process.argv.slice(2);
  const at = args.findIndex((a) => a === flag || a === long);
  return at >= 0 ? args[at + 1] : undefined;
}

const port = Number(option("-p", "--port") ?? process.env.PORT ?? 3000);
// Without -H: every interface, IPv6 and IPv4 (an IPv4 peer then shows as ::ffff:a.b.c.d).
const hostname = option("-H", "--hostname");
const trusted = parseTrustedProxies(env.TRUSTED_PROXIES);

async function main(): Promise<void> {
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`Invalid port: ${port}`);
  // As the `next` command does, and before React is loaded: it picks its build by NODE_ENV.
  Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV || "production", NEXT_RUNTIME: "nodejs" });
  if (process.env.NODE_ENV === "production") assertProductionEnv();
  const { default: next } = await import("next");
  const app = next({ dev: false, hostname: hostname ?? "localhost", port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((req, res) => {
    stampClientAddress(req, trusted);
    void handle(req, res);
  });
  // Behind a load balancer that keeps connections to the app open (haproxy, docs/DEPLOYMENT.md),
  // the balancer must be the one to close an idle connection: a request it sends just as the app
  // closes one gets no answer (Node's default is 5 s). Headers must be allowed longer still.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.listen(port, hostname, () => {
    console.log(`▲ Ready on http://${hostname ?? "localhost"}:${port}` +
      (trusted.isEmpty ? " (client address: socket peer)" : " (client address: behind TRUSTED_PROXIES)"));
  });
  const stop = () => {
    server.close(() => process.exit(0));
    // Keep-alive connections would hold close() open; a stopping server need not wait for them.
    setTimeout(() => process.exit(0), 5_000).unref();
    server.closeIdleConnections();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
