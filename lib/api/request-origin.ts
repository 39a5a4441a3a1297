/**
 * The origin a request was sent to, read one way for every check that needs
 * it: better-auth's trusted origins (lib/auth/trusted-origins.ts), the API's
 * same-origin rule (requireSameOrigin, lib/api/http.ts), the addresses LTI
 * gives an LMS (lib/lti/site.ts) and the kernel's placement (/api/kernel).
 */

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
 * proxy set it (server.ts deletes forwarding headers from anyone else), else
 * the Host header. The scheme is the one Next.js put in `request.url`: https
 * when the socket is TLS or a trusted proxy says X-Forwarded-Proto: https.
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

/**
 * The same for a server component, which has the request's headers and no
 * URL: Next.js writes the scheme it put in a route's `request.url` into
 * X-Forwarded-Proto (from the socket, or what a trusted proxy said).
 */
export function headersOrigin(headers: Headers): string | undefined {
  const scheme = headers.get("x-forwarded-proto") === "https" ? "https" : "http";
  return requestOrigin(new Request(`${scheme}://descent.invalid/`, { headers }));
}
