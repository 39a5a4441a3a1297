import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { auth } from "@/lib/auth/auth";
import { AccountForms, SignOutButton } from "./account-forms";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const session = await auth.api.getSession({ headers: await headers() });
  return (
    <main className="account-page">
      <h1>Your account</h1>
      {session ? (
        <>
          <p data-testid="signed-in">
            Signed in as <strong>{session.user.email}</strong>
            {session.user.role === "instructor" ? " (instructor)" : ""}. Your progress is saved to your account.
          </p>
          {session.user.role === "instructor" && (
            <p>
              <Link href="/instructor">Open the roster</Link>
            </p>
          )}
          <SignOutButton />
        </>
      ) : (
        <>
          <p>You can learn without an account: your progress is kept in this browser. Create one to keep it everywhere.</p>
          <AccountForms />
        </>
      )}
    </main>
  );
}
