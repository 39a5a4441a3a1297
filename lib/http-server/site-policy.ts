/**
 * The Content-Security-Policy of every answer of the site (server.ts): which
 * frames its pages may load, and which pages may frame them.
 *
 * - A page frames nothing but the kernel: its own origin, or the opaque
 *   fallback frame on this site (`frameSources`, lib/kernel-placement.ts).
 * - No other site may frame a page, so no page can be laid under a hostile
 *   site's decoy to have its buttons clicked (clickjacking): a learner's
 *   revoke-a-key, an instructor's class settings. The site frames its own
 *   fallback kernel frame, hence 'self'.
 * - Except LTI's own pages (/api/lti/…): an LMS frames them by design. What
 *   they do is authorised by the LMS's signed messages, not by a click.
 */
const FRAMED_BY_LMS = "/api/lti/";

/** The policy for a request to `pathname` (as lib/http-server/request-path.ts reads it). */
export function sitePolicy(pathname: string, frameSources: string[]): string {
  const frameSrc = `frame-src ${frameSources.join(" ")}`;
  return pathname.startsWith(FRAMED_BY_LMS) ? frameSrc : `${frameSrc}; frame-ancestors 'self'`;
}
