import { describe, expect, it } from "vitest";
import { addressNetwork, clientAddress, normalizeAddress, parseTrustedProxies } from "./client-address";

const none = parseTrustedProxies(undefined);

describe("clientAddress without trusted proxies", () => {
  it("is the socket peer, whatever X-Forwarded-For claims", () => {
    expect(clientAddress("203.0.113.9", "1.2.3.4", none)).toBe("203.0.113.9");
    expect(clientAddress("203.0.113.9", ["1.2.3.4", "5.6.7.8"], none)).toBe("203.0.113.9");
    expect(clientAddress("203.0.113.9", undefined, none)).toBe("203.0.113.9");
  });

  it("reports an IPv4 peer of a dual-stack socket as IPv4, and IPv6 in lower case", () => {
    expect(clientAddress("::ffff:198.51.100.7", undefined, none)).toBe("198.51.100.7");
    expect(clientAddress("2001:DB8::1", undefined, none)).toBe("2001:db8::1");
  });

  it("is unknown only without a socket address", () => {
    expect(clientAddress(undefined, "1.2.3.4", none)).toBe("unknown");
  });
});

describe("clientAddress behind trusted proxies", () => {
  const trusted = parseTrustedProxies("10.0.0.0/8, 127.0.0.1, fd00::/8");

  it("takes the right-most hop that is not a trusted proxy, ignoring what the client wrote to its left", () => {
    expect(clientAddress("10.0.0.2", "6.6.6.6, 198.51.100.7", trusted)).toBe("198.51.100.7");
    expect(clientAddress("10.0.0.2", "6.6.6.6, 198.51.100.7, 10.0.0.5", trusted)).toBe("198.51.100.7");
    expect(clientAddress("127.0.0.1", ["6.6.6.6", "198.51.100.7, 10.1.1.1"], trusted)).toBe("198.51.100.7");
  });

  it("recognises trusted proxies given as IPv4-mapped IPv6 or IPv6", () => {
    expect(clientAddress("::ffff:10.0.0.2", "198.51.100.7", trusted)).toBe("198.51.100.7");
    expect(clientAddress("fd00::2", "::ffff:198.51.100.8, fd00::3", trusted)).toBe("198.51.100.8");
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(clientAddress("198.51.100.7", "10.0.0.1, 1.2.3.4", trusted)).toBe("198.51.100.7");
  });

  it("stops at a hop that is not an address, keeping the last trusted one", () => {
    expect(clientAddress("10.0.0.2", "1.2.3.4, not-an-ip, 10.0.0.9", trusted)).toBe("10.0.0.9");
    expect(clientAddress("10.0.0.2", "not-an-ip", trusted)).toBe("10.0.0.2");
  });

  it("is the proxy itself when the request came from it without any forwarded hop", () => {
    expect(clientAddress("10.0.0.2", undefined, trusted)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", "10.0.0.3", trusted)).toBe("10.0.0.3");
  });
});

describe("parseTrustedProxies", () => {
  it("matches addresses and ranges of both families", () => {
    const trusted = parseTrustedProxies(" 192.168.1.0/24 ,::1,");
    expect(trusted.isEmpty).toBe(false);
    expect(trusted.matches("192.168.1.77")).toBe(true);
    expect(trusted.matches("::ffff:192.168.1.77")).toBe(true);
    expect(trusted.matches("192.168.2.1")).toBe(false);
    expect(trusted.matches("::1")).toBe(true);
    expect(trusted.matches("garbage")).toBe(false);
    expect(parseTrustedProxies("").isEmpty).toBe(true);
  });

  it("refuses entries it cannot read instead of trusting nobody or everybody", () => {
    for (const bad of ["10.0.0.0/", "10.0.0.0/33", "10.0.0.0/8/1", "localhost", "10.0.0.0/x", "::1/129"]) {
      expect(() => parseTrustedProxies(bad), bad).toThrow(/TRUSTED_PROXIES/);
    }
  });
});

describe("normalizeAddress", () => {
  it("removes brackets and ports, and refuses what is not an address", () => {
    expect(normalizeAddress("[2001:db8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("198.51.100.7:51234")).toBe("198.51.100.7");
    expect(normalizeAddress("198.51.100.7")).toBe("198.51.100.7");
    expect(normalizeAddress("unknown")).toBeNull();
    expect(normalizeAddress("")).toBeNull();
  });
});

describe("addressNetwork", () => {
  it("is an IPv6 address's /64, however the address is written", () => {
    expect(addressNetwork("2001:db8:7:1::5")).toBe("2001:db8:7:1::/64");
    expect(addressNetwork("2001:db8:7:1:ffff:abcd:1:2")).toBe("2001:db8:7:1::/64");
    expect(addressNetwork("2001:0db8:0007:0001:aaaa::")).toBe("2001:db8:7:1::/64");
    expect(addressNetwork("2001:0:0:1::9")).toBe("2001:0:0:1::/64");
    expect(addressNetwork("2001::1")).toBe("2001::/64");
    expect(addressNetwork("::1")).toBe("::/64");
    expect(addressNetwork("64:ff9b::198.51.100.7")).toBe("64:ff9b::/64");
    expect(addressNetwork("fe80::1%eth0")).toBe("fe80::/64");
  });

  it("is an IPv4 address itself, and leaves anything else alone", () => {
    expect(addressNetwork("198.51.100.7")).toBe("198.51.100.7");
    expect(addressNetwork("unknown")).toBe("unknown");
  });
});
