/**
 * TRUST BOUNDARY: who is asking. Every per-client limit (sign-in, sign-up,
 * submissions, new learners, uploads) is keyed by the address decided here,
 * once, by the HTTP server (server.ts), from the socket it accepted.
 *
 * X-Forwarded-For is written by whoever sent the request, so it is believed
 * only hop by hop from our side: starting at the socket's peer, each address
 * that is one of DESCENT_TRUSTED_PROXIES may name the one before it; the first
 * address that is not a trusted proxy is the client. With no trusted proxies
 * (the default) the socket's peer is the client, whatever the header says.
 */
import { BlockList, isIP } from "node:net";

/** The header server.ts sets on every request (replacing any the client sent), read by lib/auth/client-limits.ts. */
export const CLIENT_ADDRESS_HEADER = "x-descent-client-address";

/** Builds the set of trusted proxies from DESCENT_TRUSTED_PROXIES entries (addresses or CIDR blocks, already validated by lib/env.ts). */
export function trustedProxies(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", prefix] = entry.split("/");
    const type = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

/** "::ffff:10.0.0.1" (an IPv4 client on a dual-stack socket) is 10.0.0.1. */
export function normaliseAddress(address: string): string {
  const trimmed = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return mapped?.[1] ?? trimmed.toLowerCase();
}

/** Whether `address` is one of the trusted proxies. */
export function isTrustedProxy(address: string, proxies: BlockList): boolean {
  const version = isIP(address);
  return version !== 0 && proxies.check(address, version === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address: the socket's peer, or, when the peer is a trusted
 * proxy, the nearest address in X-Forwarded-For that is not one. An entry
 * that is not an address stops the walk at the proxy that passed it on.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, proxies: BlockList): string {
  let client = normaliseAddress(peer ?? "");
  if (!client) return "unknown";
  const hops = [forwardedFor ?? []].flat().join(",").split(",").map(normaliseAddress).filter(Boolean);
  while (isTrustedProxy(client, proxies) && hops.length > 0) {
    const previous = hops.pop()!;
    if (isIP(previous) === 0) break;
    client = previous;
  }
  return client;
}
