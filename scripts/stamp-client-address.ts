import type { IncomingMessage } from "node:http";
import { clientAddress, CLIENT_ADDRESS_HEADER, type TrustedProxies } from "../lib/domain/client-address";

/**
 * Replaces whatever the client sent under CLIENT_ADDRESS_HEADER with the address determined
 * from the socket (and X-Forwarded-For, only as far as trusted proxies wrote it). Used by the
 * production server (serve.ts) on every request before Next sees it.
 */
export function stampClientAddress(req: IncomingMessage, trusted: TrustedProxies): string {
  const address = clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], trusted);
  req.headers[CLIENT_ADDRESS_HEADER] = address;
  const raw: string[] = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i]!.toLowerCase() !== CLIENT_ADDRESS_HEADER) raw.push(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  }
  req.rawHeaders.splice(0, req.rawHeaders.length, ...raw, CLIENT_ADDRESS_HEADER, address);
  return address;
}
