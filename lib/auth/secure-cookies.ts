import "server-only";

/**
 * Account cookies are Secure exactly when the site is served over https.
 *
 * better-auth decides Secure once, at start: from the scheme of the public
 * URL when one is configured; without one, it made every cookie Secure (and
 * `__Secure-`-prefixed) in production, which a browser refuses over plain
 * http anywhere but localhost: on a school's LAN server, sign-in answered
 * 200 and nobody was signed in. So without a public URL, auth.ts turns its
 * Secure off, and the account route (app/api/auth/[...all]/route.ts) marks
 * each response's cookies Secure here when its request came over https, as
 * the learner cookie does (lib/auth/learner-cookie.ts).
 */
export function servedOverHttps(request: Request): boolean {
  // Next.js makes request.url https when the socket is TLS or a trusted proxy says X-Forwarded-Proto: https.
  return new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
}

const SECURE_ATTRIBUTE = /;\s*secure\s*(?:;|$)/i;

/** `response`, with every cookie it sets marked Secure when `request` came over https. */
export function withSecureCookies(request: Request, response: Response): Response {
  const cookies = response.headers.getSetCookie();
  if (!servedOverHttps(request) || cookies.every((cookie) => SECURE_ATTRIBUTE.test(cookie))) return response;
  // A fresh Headers: a Response's own may be immutable (e.g. one made by Response.redirect).
  const headers = new Headers(response.headers);
  headers.delete("set-cookie");
  for (const cookie of cookies) headers.append("set-cookie", SECURE_ATTRIBUTE.test(cookie) ? cookie : `${cookie}; Secure`);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
