import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Sign in" };

/**
 * What unauthorized() shows, with HTTP 401: today only instructor pages call
 * it (lib/instructor/access.ts), for a visitor who is not signed in.
 */
export default function Unauthorized() {
  return (
    <main className="account-page">
      <h1>Sign in to see this page</h1>
      <p>
        This page is for instructors. <Link href="/account">Sign in</Link> with your instructor account, then open it again.
      </p>
    </main>
  );
}
