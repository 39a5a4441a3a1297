import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { auth } from "@/lib/auth/auth";
import { db } from "@/lib/db/client";
import { classesOf } from "@/lib/db/classes";
import { AccountForms, SignOutButton } from "@/components/account-forms";

export const metadata: Metadata = { title: "Your account" };

/** The classes the account is in, and the ways into them. */
async function YourClasses({ userId }: { userId: string }) {
  const [teaching, learning] = await Promise.all([classesOf(db(), userId, "instructor"), classesOf(db(), userId, "student")]);
  const session = await auth.api.getSession({ headers: await headers() });
  const instructor = teaching.length > 0 || session?.user.role === "instructor";
  return (
    <section aria-labelledby="your-classes">
      <h2 id="your-classes">Your classes</h2>
      {learning.length > 0 ? (
        <ul>
          {learning.map((c) => (
            <li key={c.id}>
              {c.name}
              {c.term && <> · {c.term}</>}
            </li>
          ))}
        </ul>
      ) : (
        <p>You are in no class as a student.</p>
      )}
      <p>
        <Link href="/assignments">Your assignments</Link> · <Link href="/join">Join a class with a code</Link>
        {instructor && (
          <>
            {" "}
            · <Link href="/instructor">Open your classes as instructor</Link>
          </>
        )}
      </p>
    </section>
  );
}

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
          <YourClasses userId={session.user.id} />
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
