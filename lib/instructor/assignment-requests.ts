import "server-only";
import { ApiError, readJson, requireSameOrigin } from "@/lib/api/http";
import { AssignmentInput } from "@/lib/assignments/input";
import { requireInstructor } from "@/lib/auth/require-instructor";
import { getExerciseCatalog } from "@/lib/exercises/catalog";

/**
 * A create or change of an assignment, checked in this order: the caller is an
 * instructor (401/403 before anything about the body is said), the request
 * comes from our pages, the body is valid and names exercises of this course.
 */
export async function readAssignmentRequest(request: Request): Promise<AssignmentInput> {
  await requireInstructor(request.headers);
  requireSameOrigin(request);
  const input = await readJson(request, AssignmentInput, 16 * 1024);
  const catalog = await getExerciseCatalog();
  const unknown = input.exerciseIds.filter((id) => !catalog.byId.has(id));
  if (unknown.length > 0) throw new ApiError(400, `Invalid request: exerciseIds: there is no exercise ${unknown.map((id) => `"${id}"`).join(", ")} in this course.`);
  return input;
}
