import Link from "next/link";
import type { ReactNode } from "react";
import { InstructorNav } from "@/components/instructor/instructor-nav";
import { instructorAccess } from "@/lib/instructor/access";

/**
 * Every instructor page's frame: the access check (a visitor who is not a
 * signed-in instructor sees why, and where to sign in), the section
 * navigation and the report layout. Each page's data is guarded again where
 * it is loaded (lib/instructor/access.ts).
 */
export default async function InstructorLayout({ children }: { children: ReactNode }) {
  const access = await instructorAccess();
  if (!access.allowed) {
    return (
      <main className="account-page">
        <h1>Instructor pages</h1>
        <p role="alert">{access.message}</p>
        <Link href="/account">Sign in</Link>
      </main>
    );
  }
  return (
    <main className="report-page">
      <InstructorNav />
      {children}
    </main>
  );
}
