import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { TICKET_SHAPE } from "@/lib/auth/lti-ticket-binding";
import { pendingSignIn } from "@/lib/db/lti-launches";

export const metadata: Metadata = { title: "Continue from your LMS" };

/**
 * Where an LMS launch's sign-in link leads in a browser that the launch did
 * not reach (lib/auth/lti-ticket-binding.ts): the learner's own new tab when the
 * LMS framed the launch and the browser blocks third-party cookies, or
 * anyone a link was sent to. It names the account before signing in to it.
 */
export default async function ContinueFromLmsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { ticket } = await searchParams;
  const pending = typeof ticket === "string" && TICKET_SHAPE.test(ticket) ? await pendingSignIn(db(), ticket) : undefined;
  if (!pending || typeof ticket !== "string") redirect("/lti/expired");
  return (
    <main className="account-page">
      <h1>Continue as {pending.name || pending.email}?</h1>
      <p>
        {pending.lms} opened Descent for <strong>{pending.name}</strong> ({pending.email}). Continue to sign in to that account here.
      </p>
      <form method="post" action="/lti/continue/confirm">
        <input type="hidden" name="ticket" value={ticket} />
        <button type="submit" className="button">
          Continue as {pending.name || pending.email}
        </button>
      </form>
      <p>Not you, or you did not just open an activity in your course? Close this tab: a link from someone else would sign you in to their account.</p>
    </main>
  );
}
