import "server-only";
import { ApiError } from "@/lib/api/http";
import { db } from "@/lib/db/client";
import { teachesAnyClass } from "@/lib/db/classes";
import { auth } from "./auth";

export type SignedInUser = { id: string; name: string; email: string; role: string };

/** The signed-in user, or a 401 that says what to do. */
export async function requireUser(headers: Headers, why = "Sign in to do this."): Promise<SignedInUser> {
  const session = await auth.api.getSession({ headers });
  if (!session) throw new ApiError(401, why);
  const { id, name, email, role } = session.user;
  return { id, name, email, role: role ?? "student" };
}

/** Whether the account may create classes: only `npm run user:create` gives this role. */
export const mayCreateClasses = (user: SignedInUser) => user.role === "instructor";

/**
 * Someone who may use the instructor area, or a 401 (not signed in) / 403:
 * an account that may create classes, or that teaches at least one (a
 * co-instructor, or an instructor from the school's LMS). Which classes they
 * see is decided per class (lib/instructor/access.ts). The role and the
 * memberships are read from the database, never from anything the browser sends.
 */
export async function requireInstructor(headers: Headers): Promise<SignedInUser> {
  const user = await requireUser(headers, "Sign in as an instructor to see this.");
  if (mayCreateClasses(user) || (await teachesAnyClass(db(), user.id))) return user;
  throw new ApiError(403, "Only instructors can see this.");
}
