import type { Metadata } from "next";
import type { ReactNode } from "react";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AccountForms } from "@/components/account-forms";
import { JoinClassButton } from "@/components/join-class-button";
import { ApiError } from "@/lib/api/http";
import { auth } from "@/lib/auth/auth";
import { findClassToJoin } from "@/lib/classes/join";
import { db } from "@/lib/db/client";
import { membership } from "@/lib/db/classes";

export const metadata: Metadata = { title: "Join a class" };

/**
 * Where a class's join link leads. A signed-in learner joins with one button
 * (a link alone never enrols anyone: link previews and prefetching follow
 * links); an anonymous visitor signs up or in here first, and the work this
 * browser has done comes with them.
 */
export default async function JoinPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const requestHeaders = await headers();
  let found;
  try {
    found = await findClassToJoin({ headers: requestHeaders }, code);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return <JoinMessage>{error.message}</JoinMessage>;
  }
  if (!found) notFound();
  const session = await auth.api.getSession({ headers: requestHeaders });
  const role = session ? await membership(db(), found.id, session.user.id) : undefined;
  const title = found.term ? `${found.name} (${found.term})` : found.name;
  return (
    <main className="account-page">
      <h1>Join {title}</h1>
      {!session ? (
        <>
          <p>Sign in or create an account to join: your instructor sees the work of the class&apos;s students, and what you have done in this browser comes with you.</p>
          <AccountForms />
        </>
      ) : role ? (
        <p data-testid="joined">
          You are in this class{role === "instructor" ? " as an instructor" : ""}. <Link href={role === "instructor" ? "/instructor" : "/assignments"}>{role === "instructor" ? "Open your classes" : "See its assignments"}</Link>
        </p>
      ) : (
        <>
          <p>
            Signed in as <strong>{session.user.email}</strong>. Its instructors will see your work on the course: scores, submissions and the hints you open.
          </p>
          <JoinClassButton code={code} className={title} />
        </>
      )}
    </main>
  );
}

function JoinMessage({ children }: { children: ReactNode }) {
  return (
    <main className="account-page">
      <h1>Join a class</h1>
      <p role="alert">{children}</p>
    </main>
  );
}
