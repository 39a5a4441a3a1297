import { ApiError, handle, requireSameOrigin } from "@/lib/api/http";
import { TICKET_SHAPE, ticketCookie } from "@/lib/auth/lti-ticket-binding";

/**
 * The "Continue as …" button of /lti/continue: posted from this site's own
 * page (another site's form is refused), it binds the ticket to this browser
 * and goes on to sign in with it.
 */
export const POST = handle(async (request: Request) => {
  requireSameOrigin(request);
  const form = await request.formData().catch(() => undefined);
  const ticket = form?.get("ticket");
  if (typeof ticket !== "string" || !TICKET_SHAPE.test(ticket)) throw new ApiError(400, "The form must carry the launch's ticket.");
  return new Response(null, {
    status: 303,
    headers: { location: `/api/auth/lti/session?ticket=${encodeURIComponent(ticket)}`, "set-cookie": ticketCookie(ticket, "continue"), "cache-control": "no-store" },
  });
});
