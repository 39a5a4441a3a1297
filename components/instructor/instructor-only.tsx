import "server-only";
import { headers } from "next/headers";
import Link from "next/link";
import type { ReactNode } from "react";
import { ApiError } from "@/lib/api/http";
import { requireInstructor } from "@/lib/auth/require-instructor";

/**
 * Every instructor page starts with this: the page to show instead when the
 * visitor is not a signed-in instructor (checked on the server, from the
 * session's role in the database), or undefined to go on.
 */
export async function instructorDenied(title: string): Promise<ReactNode | undefined> {
  try {
    await requireInstructor(await headers());
    return undefined;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return (
      <main className="account-page">
        <h1>{title}</h1>
        <p role="alert">{error.message}</p>
        <Link href="/account">Sign in</Link>
      </main>
    );
  }
}

const SECTIONS = [
  { href: "/instructor", label: "Roster" },
  { href: "/instructor/exercises", label: "Exercises" },
  { href: "/instructor/assignments", label: "Assignments" },
] as const;

export function InstructorNav({ current }: { current: (typeof SECTIONS)[number]["label"] }) {
  return (
    <nav aria-label="Instructor" className="instructor-nav">
      {SECTIONS.map((section) => (
        <Link key={section.href} href={section.href} aria-current={section.label === current ? "page" : undefined}>
          {section.label}
        </Link>
      ))}
    </nav>
  );
}

