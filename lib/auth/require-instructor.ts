import "server-only";
import { ApiError } from "@/lib/api/http";
import { auth } from "./auth";

/**
 * The signed-in instructor, or a 401 (not signed in) / 403 (not an
 * instructor). The role is read from the database through the session,
 * never from anything the browser sends.
 */
export async function requireInstructor(headers: Headers) {
  const session = await auth.api.getSession({ headers });
  if (!session) throw new ApiError(401, "Sign in as an instructor to see this.");
  if (session.user.role !== "instructor") throw new ApiError(403, "Only instructors can see this.");
  return session.user;
}
