import "server-only";
import { headers } from "next/headers";
import { forbidden, unauthorized } from "next/navigation";
import { cache } from "react";
import { ApiError } from "@/lib/api/http";
import { requireInstructor } from "@/lib/auth/require-instructor";

/** Whether this request may see instructor pages; if not, the HTTP status that says why. */
export type InstructorAccess = { allowed: true } | { allowed: false; status: 401 | 403 };

/**
 * Whether this request comes from a signed-in instructor (the role read from
 * the database through the session), asked once per request: the instructor
 * layout and every report loader share the answer.
 */
export const instructorAccess = cache(async (): Promise<InstructorAccess> => {
  try {
    await requireInstructor(await headers());
    return { allowed: true };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { allowed: false, status: error.status === 401 ? 401 : 403 };
  }
});

/**
 * Stops rendering an instructor page for anyone else, with a real HTTP
 * status: 401 and app/unauthorized.tsx for a visitor who is not signed in,
 * 403 and app/forbidden.tsx for a student. Next.js can only set the status
 * while nothing has been streamed, so no instructor route may have a
 * loading.tsx or a Suspense boundary above this call (it would answer 200).
 */
export async function requireInstructorPage(): Promise<void> {
  const access = await instructorAccess();
  if (access.allowed) return;
  if (access.status === 401) unauthorized();
  forbidden();
}

/**
 * Loads an instructor report only for an instructor; anyone else gets the
 * 401 or 403 page. The layout's check is not enough on its own: Next.js
 * renders a page beside its layout, and does not render the layout again
 * when moving between pages, so every report's data is guarded where it is
 * read.
 */
export async function forInstructor<T>(load: () => Promise<T>): Promise<T> {
  await requireInstructorPage();
  return load();
}
