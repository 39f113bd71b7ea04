import { BlockList, isIP, SocketAddress } from "node:net";

// Which address a request comes from, for the sign-in limits and the audit log
// (docs/decisions/0009). X-Forwarded-For is written by whoever sends the request, so it is
// believed only as far as it was appended by proxies we run: the socket peer must be a trusted
// proxy, and then the client is the right-most hop that is not one. Without trusted proxies the
// client is the socket peer, whatever the headers say.

/** The header the production server (scripts/serve.ts) sets, after removing any a client sent. */
export const CLIENT_ADDRESS_HEADER = "x-fca-client-ip";

export type TrustedProxies = { matches: (address: string) => boolean; isEmpty: boolean };

/**
 * The plain form of an address: IPv4-mapped IPv6 (`::ffff:10.0.0.1`, how a dual-stack socket
 * reports an IPv4 peer) as IPv4, IPv6 in lower case, brackets and a port removed. Null when it
 * is not an IP address at all.
 */
export function normalizeAddress(raw: string): string | null {
  let address = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) address = mapped[1]!;
  const version = isIP(address);
  if (version === 4) return address;
  if (version === 6) return address.toLowerCase();
  return null;
}

/** The eight 16-bit groups of an IPv6 address (which may end in a dotted IPv4 part). */
function ipv6Groups(address: string): number[] {
  let text = address.replace(/%.*$/, "");
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const groups = (part: string) => (part ? part.split(":").map((g) => parseInt(g, 16)) : []);
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/**
 * What the per-address sign-in limits count (docs/decisions/0009): an IPv4 address as it is,
 * an IPv6 address as its /64 (`2001:db8:7:1::/64`), since one subscriber is given a whole /64
 * and can use any address in it. Anything else ("unknown") as it is. The form is PostgreSQL's
 * `network(set_masklen(ip::inet, 64))::text`, which the migration that added it relies on.
 */
export function addressNetwork(address: string): string {
  if (isIP(address.replace(/%.*$/, "")) !== 6) return address;
  const prefix = ipv6Groups(address).slice(0, 4).map((g) => g.toString(16));
  return `${new SocketAddress({ address: [...prefix, "0", "0", "0", "0"].join(":"), family: "ipv6" }).address}/64`;
}

/**
 * Parses the TRUSTED_PROXIES setting: comma-separated addresses and CIDR ranges, IPv4 or IPv6
 * (`10.0.0.0/8, 127.0.0.1, fd00::/8`). Throws on an entry it cannot read, naming it, so that a
 * typo stops the server instead of silently trusting nobody (or everybody).
 */
export function parseTrustedProxies(setting: string | undefined): TrustedProxies {
  const list = new BlockList();
  const entries = (setting ?? "").split(",").map((e) => e.trim()).filter(Boolean);
  for (const entry of entries) {
    const [base = "", prefix, extra] = entry.split("/");
    const address = normalizeAddress(base);
    const type = address && isIP(address) === 4 ? "ipv4" : "ipv6";
    const max = type === "ipv4" ? 32 : 128;
    const bits = prefix === undefined ? max : /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
    if (!address || extra !== undefined || !(bits >= 0 && bits <= max)) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    }
    list.addSubnet(address, bits, type);
  }
  return {
    isEmpty: entries.length === 0,
    matches: (address) => {
      const plain = normalizeAddress(address);
      return !!plain && list.check(plain, isIP(plain) === 4 ? "ipv4" : "ipv6");
    },
  };
}

/**
 * The client's address: the socket peer, or — when the peer is a trusted proxy — the right-most
 * X-Forwarded-For hop that is not a trusted proxy. A hop that is not an address stops the walk
 * (nothing to its left can be trusted) and the last trusted hop is taken. "unknown" only when
 * the socket has no address (it was closed).
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trusted: TrustedProxies): string {
  const peer = socketAddress ? normalizeAddress(socketAddress) : null;
  if (!peer) return "unknown";
  if (trusted.isEmpty || !trusted.matches(peer)) return peer;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor ?? "").split(",").map((h) => h.trim()).filter(Boolean);
  let client = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(hops[i]!);
    if (!hop) break;
    client = hop;
    if (!trusted.matches(hop)) break;
  }
  return client;
}
