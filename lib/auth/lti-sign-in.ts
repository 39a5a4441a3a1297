import "server-only";
import { createAuthEndpoint } from "better-auth/api";
import { setSessionCookie } from "better-auth/cookies";
import type { BetterAuthPlugin } from "better-auth";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { takeLaunchTicket } from "@/lib/db/lti-launches";
import { holdsTicket, TICKET_SHAPE } from "./lti-ticket-binding";

/**
 * Signing in from an LMS launch (lib/lti): GET /api/auth/lti/session?ticket=…
 * takes the launch's one-time, two-minute ticket and starts a Descent
 * session for the account the launch linked, then opens the launched page.
 * It runs as a top-level page of this site (a new tab when the LMS framed the
 * launch), where the session cookie is first-party and works in every browser.
 * A browser that does not hold the ticket's binding cookie (lib/auth/lti-ticket-binding.ts)
 * is asked first, on /lti/continue, whose account this is.
 */
export const ltiSignIn = {
  id: "lti-sign-in",
  endpoints: {
    ltiSession: createAuthEndpoint(
      "/lti/session",
      { method: "GET", query: z.object({ ticket: z.string().regex(TICKET_SHAPE) }), requireHeaders: true },
      async (ctx) => {
        if (!holdsTicket(ctx.headers?.get("cookie"), ctx.query.ticket)) throw ctx.redirect(`/lti/continue?ticket=${encodeURIComponent(ctx.query.ticket)}`);
        const launch = await takeLaunchTicket(db(), ctx.query.ticket, "sign-in");
        if (!launch) throw ctx.redirect("/lti/expired");
        const user = await ctx.context.internalAdapter.findUserById(launch.userId);
        const session = user && (await ctx.context.internalAdapter.createSession(user.id));
        if (!user || !session) throw ctx.redirect("/lti/expired");
        await setSessionCookie(ctx, { session, user });
        // The target was made by the launch from our own paths; anything else opens the course.
        throw ctx.redirect(launch.target.startsWith("/") && !launch.target.startsWith("//") ? launch.target : "/");
      },
    ),
  },
} satisfies BetterAuthPlugin;
