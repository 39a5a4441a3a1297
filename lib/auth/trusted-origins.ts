import "server-only";
import { requestOrigin } from "@/lib/api/request-origin";

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
