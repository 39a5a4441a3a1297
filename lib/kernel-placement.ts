/**
 * Where a page's notebook kernel runs, and which origins may frame it.
 *
 * Learner code must never share a site with Descent: a frame of the same site
 * receives the site's cookies. Today's fallback is a sandboxed frame with an
 * opaque origin, which is safe but not a secure context, so WebGPU is off in
 * it. The better home is a real origin of another site: a secure context on
 * localhost or https, which holds nothing of Descent's.
 *
 * - `DESCENT_KERNEL_ORIGIN` names it in production (another registrable domain,
 *   served by the kernel listener of server.ts behind the site's proxy).
 * - On one machine it is the other loopback name on the kernel port: a site
 *   reached at localhost gets its kernel at 127.0.0.1, and the reverse. Ports
 *   do not separate sites, names do; both names are secure contexts over http.
 * - Anywhere else (a LAN address over http) the page is not a secure context,
 *   so no frame in it can be one: the opaque frame, and the badge says why.
 */
import { getDomain } from "tldts";

export type KernelPlacement =
  /** A frame on an origin of its own (sandboxed with allow-same-origin: that origin holds nothing of the site's). */
  | { kind: "origin"; origin: string }
  /** The sandboxed frame on this site, with an opaque origin; `reason` says why WebGPU is off. */
  | { kind: "sandbox"; reason: string };

export type KernelSettings = {
  /** DESCENT_KERNEL_ORIGIN, when set. */
  configuredOrigin?: string;
  /** The port the kernel listener serves on (DESCENT_KERNEL_PORT, default PORT + 1). */
  kernelPort: number;
};

/** The other loopback name for each: the one machine's second site. */
const LOOPBACK_PARTNER: Record<string, string> = { localhost: "127.0.0.1", "127.0.0.1": "localhost", "[::1]": "localhost" };

/** Where the kernel runs for a page of `siteOrigin` (the origin the browser reached the site at). */
export function kernelPlacement(siteOrigin: string, settings: KernelSettings): KernelPlacement {
  if (settings.configuredOrigin) return { kind: "origin", origin: new URL(settings.configuredOrigin).origin };
  const site = new URL(siteOrigin);
  const partner = LOOPBACK_PARTNER[site.hostname];
  if (partner) return { kind: "origin", origin: `http://${partner}:${settings.kernelPort}` };
  if (site.protocol === "http:") {
    return {
      kind: "sandbox",
      reason: `WebGPU is off: this page comes over plain http from ${site.host}, which browsers do not treat as secure. Open it at localhost on this machine, or serve it over https with DESCENT_KERNEL_ORIGIN set.`,
    };
  }
  return { kind: "sandbox", reason: "WebGPU is off: this site names no kernel origin of its own (DESCENT_KERNEL_ORIGIN)." };
}

/**
 * The only pages that may frame the kernel listener's frame, by the host it
 * was asked for: the site's public URL, and on one machine the loopback name
 * that is not this one (never the same name: that page would share its site).
 */
export function kernelFrameAncestors(kernelHost: string | undefined, sitePort: number, publicUrl: string | undefined): string[] {
  const ancestors = publicUrl ? [new URL(publicUrl).origin] : [];
  let hostname: string;
  try {
    hostname = new URL(`http://${kernelHost ?? ""}`).hostname;
  } catch {
    return ancestors;
  }
  const partner = LOOPBACK_PARTNER[hostname];
  if (partner) ancestors.push(`http://${partner}:${sitePort}`);
  return ancestors;
}

/** The frames a site page may load: its own (the opaque fallback) and the kernel's origins. */
export function siteFrameSources(settings: KernelSettings): string[] {
  const loopback = ["localhost", "127.0.0.1"].map((name) => `http://${name}:${settings.kernelPort}`);
  return ["'self'", ...(settings.configuredOrigin ? [new URL(settings.configuredOrigin).origin] : loopback)];
}

/** A browser's "site" of a host: its registrable domain (with the private suffixes that browsers honour), or the host itself. */
function siteOf(hostname: string): string {
  return getDomain(hostname, { allowPrivateDomains: true }) ?? hostname;
}

/** Whether two origins are the same site, so that one would receive the other's cookies. */
export function sameSite(a: string, b: string): boolean {
  return siteOf(new URL(a).hostname) === siteOf(new URL(b).hostname);
}
