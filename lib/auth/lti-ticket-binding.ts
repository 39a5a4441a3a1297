/**
 * A launch's sign-in ticket is bound to the browser the launch reached, so a
 * ticket link cannot sign someone else's browser in (login CSRF: a learner
 * who sends their own "Open in Descent" link to a classmate would otherwise
 * have the classmate's work land in their account).
 *
 * The launch's answer sets this cookie to the ticket; /api/auth/lti/session
 * signs in at once only when the browser sends it back. Where the browser
 * dropped it (the LMS framed the launch and third-party cookies are blocked),
 * /lti/continue names the account and asks first; its own form, posted from
 * this site, sets the cookie.
 */
export const TICKET_COOKIE = "descent_lti_ticket";
export const TICKET_COOKIE_PATH = "/api/auth/lti";
/** What a ticket looks like (lib/lti/launch-flow.ts makes 32 base64url characters): anything else is no ticket. */
export const TICKET_SHAPE = /^[\w-]{1,100}$/;

/** A launch's ticket is good this long, once; its binding cookie, as long. */
export const TICKET_TTL_MS = 2 * 60_000;

/**
 * The Set-Cookie value. From the launch (`crossSite`), which arrives as the
 * LMS's cross-site POST, perhaps inside its frame: SameSite=None, which
 * browsers accept only Secure (https, or localhost), as for the login's state
 * cookie. From /lti/continue, this site's own page: SameSite=Lax, so it works
 * over plain http on a school's network too.
 */
export function ticketCookie(ticket: string, from: "launch" | "continue"): string {
  const sameSite = from === "launch" ? "SameSite=None; Secure" : "SameSite=Lax";
  return `${TICKET_COOKIE}=${ticket}; Path=${TICKET_COOKIE_PATH}; Max-Age=${TICKET_TTL_MS / 1000}; HttpOnly; ${sameSite}`;
}

/** Whether a request's Cookie header carries `ticket` as the binding cookie. */
export function holdsTicket(cookieHeader: string | null | undefined, ticket: string): boolean {
  return (cookieHeader ?? "").split(";").some((pair) => pair.trim() === `${TICKET_COOKIE}=${ticket}`);
}
