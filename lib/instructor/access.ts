import "server-only";
import { headers } from "next/headers";
import { forbidden, notFound, unauthorized } from "next/navigation";
import { cache } from "react";
import { ApiError } from "@/lib/api/http";
import { requireInstructor, type SignedInUser } from "@/lib/auth/require-instructor";
import { db } from "@/lib/db/client";
import { classAs, type ClassSummary } from "@/lib/db/classes";

/** Whether this request may see instructor pages; if not, the HTTP status that says why. */
export type InstructorAccess = { allowed: true; user: SignedInUser } | { allowed: false; status: 401 | 403 };

/**
 * Whether this request comes from a signed-in instructor, asked once per
 * request: the instructor layout and every report loader share the answer.
 */
export const instructorAccess = cache(async (): Promise<InstructorAccess> => {
  try {
    return { allowed: true, user: await requireInstructor(await headers()) };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { allowed: false, status: error.status === 401 ? 401 : 403 };
  }
});

/**
 * Stops rendering an instructor page for anyone else, with a real HTTP
 * status: 401 and app/unauthorized.tsx for a visitor who is not signed in,
 * 403 and app/forbidden.tsx for anyone who teaches nothing. Next.js can only
 * set the status while nothing has been streamed, so no instructor route may
 * have a loading.tsx or a Suspense boundary above this call (it would answer 200).
 */
export async function requireInstructorPage(): Promise<SignedInUser> {
  const access = await instructorAccess();
  if (access.allowed) return access.user;
  if (access.status === 401) unauthorized();
  forbidden();
}

/** The class, if this request's instructor teaches it; a 404 page otherwise, which says no more about other classes. */
export const requireClassPage = cache(async (classId: string): Promise<ClassSummary> => {
  const user = await requireInstructorPage();
  const found = await classAs(db(), classId, user.id, "instructor");
  if (!found) notFound();
  return found;
});

/**
 * Loads a class's report only for an instructor of that class. The layout's
 * check is not enough on its own: Next.js renders a page beside its layout,
 * and does not render the layout again when moving between pages, so every
 * report's data is guarded where it is read.
 */
export async function forClass<T>(classId: string, load: (found: ClassSummary) => Promise<T>): Promise<T> {
  return load(await requireClassPage(classId));
}
