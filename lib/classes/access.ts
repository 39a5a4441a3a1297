import "server-only";
import { ApiError, requireSameOrigin } from "@/lib/api/http";
import { requireInstructor, type SignedInUser } from "@/lib/auth/require-instructor";
import { db } from "@/lib/db/client";
import { classAs, type ClassSummary } from "@/lib/db/classes";

/**
 * An instructor API call about one class: 401 when not signed in, 403 for
 * someone who teaches nothing, 404 for a class this instructor does not
 * teach (the same answer as for a class that does not exist, so another
 * class's id tells nothing). Writes must also come from our own pages.
 */
export async function requireClassInstructor(request: Request, classId: string): Promise<{ user: SignedInUser; found: ClassSummary }> {
  const user = await requireInstructor(request.headers);
  if (request.method !== "GET" && request.method !== "HEAD") requireSameOrigin(request);
  const found = await classAs(db(), classId, user.id, "instructor");
  if (!found) throw new ApiError(404, "There is no such class among the classes you teach.");
  return { user, found };
}
