import "server-only";

/**
 * Which pages may use the account endpoints (sign-up, sign-in, sign-out):
 * better-auth refuses a state-changing request whose Origin header is not
 * one of these origins (its CSRF check, "403 Invalid origin").
 *
 * Descent is reached in many ways: localhost while writing lessons,
 * 127.0.0.1 or the machine's LAN address in a classroom, a name in
 * production. Left to itself, better-auth trusts only the origin of
 * `request.url`, and Next.js builds that URL from the server's own
 * hostname (server.ts: DESCENT_HOST, default localhost), not from the
 * address the browser used; so every other address was refused.
 *
 * The rule:
 * - a configured public URL (BETTER_AUTH_URL) is the only origin trusted;
 * - without one, the origin this request was sent to: the scheme it arrived
 *   by and the host the browser asked for.
 * A browser writes Host and Origin itself (a page cannot set either), so a
 * page of another site sends its own Origin, which matches nothing here. A
 * client that is not a browser can write both, but it holds no learner's
 * cookie to abuse.
 */
export function trustedOrigins(publicUrl: string | undefined, request: Request | undefined): string[] {
  if (publicUrl) return [new URL(publicUrl).origin];
  // better-auth also asks once at start-up, with no request: nothing more to trust then.
  const origin = request && requestOrigin(request);
  return origin ? [origin] : [];
}

/**
 * A host as a browser sends it: DNS labels or an IPv4 address or a bracketed
 * IPv6 address, then an optional port. better-auth reads `*` and `?` in a
 * trusted origin as wildcards, so a Host header of `*` must never become
 * `http://*`, which would trust every site.
 */
const BROWSER_HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;

/**
 * The origin a request was sent to, or undefined if its host is not one a
 * browser would send. The host is X-Forwarded-Host when a trusted reverse
 * proxy set it (server.ts deletes forwarding headers from anyone else), as
 * requireSameOrigin (lib/api/http.ts) reads it, else the Host header. The
 * scheme is the one Next.js put in `request.url`: https when the socket is
 * TLS or a trusted proxy says X-Forwarded-Proto: https.
 */
export function requestOrigin(request: Request): string | undefined {
  const host = (request.headers.get("x-forwarded-host") ?? request.headers.get("host"))?.toLowerCase();
  if (!host || !BROWSER_HOST.test(host)) return undefined;
  let scheme: string;
  try {
    scheme = new URL(request.url).protocol;
  } catch {
    return undefined;
  }
  if (scheme !== "http:" && scheme !== "https:") return undefined;
  try {
    // URL drops a default port (:80 on http), as browsers do in Origin.
    return new URL(`${scheme}//${host}`).origin;
  } catch {
    return undefined; // e.g. a port above 65535
  }
}
