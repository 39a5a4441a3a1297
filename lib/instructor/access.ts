import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { ApiError } from "@/lib/api/http";
import { requireInstructor } from "@/lib/auth/require-instructor";

export type InstructorAccess = { allowed: true } | { allowed: false; message: string };

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
    return { allowed: false, message: error.message };
  }
});

/**
 * Loads an instructor report only for an instructor; undefined for anyone
 * else. The layout's check is not enough on its own: Next.js renders a page
 * beside its layout, and does not render the layout again when moving
 * between pages, so every report's data is guarded where it is read.
 */
export async function forInstructor<T>(load: () => Promise<T>): Promise<T | undefined> {
  return (await instructorAccess()).allowed ? load() : undefined;
}
