import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "For instructors" };

/**
 * What forbidden() shows, with HTTP 403: today only instructor pages call it
 * (lib/instructor/access.ts), for a signed-in student.
 */
export default function Forbidden() {
  return (
    <main className="account-page">
      <h1>This area is for instructors</h1>
      <p>
        Your account is a student&apos;s, so the class&apos;s reports are not shown to it. Your own work is in{" "}
        <Link href="/">the course</Link> and <Link href="/assignments">your assignments</Link>. If you teach this class, ask whoever runs Descent
        to make your account an instructor&apos;s.
      </p>
    </main>
  );
}
