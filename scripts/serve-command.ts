// How the production server (scripts/serve.ts) is started by `npm start`, the benchmark and the
// end-to-end tests: Node with tsx's loader in the same process. The `tsx` command would start a
// second Node process of about 50 MB only to watch over this one.
export function serveCommand(port: number, hostname?: string): { command: string; args: string[] } {
  return {
    command: process.execPath,
    args: ["--import", "tsx", "scripts/serve.ts", "-p", String(port), ...(hostname ? ["-H", hostname] : [])],
  };
}
