import "server-only";
import { ApiError, readJson } from "@/lib/api/http";
import { AssignmentInput } from "@/lib/assignments/input";
import { requireClassInstructor } from "@/lib/classes/access";
import { getExerciseCatalog } from "@/lib/exercises/catalog";

/**
 * A create or change of a class's assignment, checked in this order: the
 * caller teaches the class (401/403/404 before anything about the body is
 * said), the request comes from our pages, the body is valid and names
 * exercises of this course.
 */
export async function readAssignmentRequest(request: Request, classId: string): Promise<AssignmentInput> {
  await requireClassInstructor(request, classId);
  const input = await readJson(request, AssignmentInput, 16 * 1024);
  const catalog = await getExerciseCatalog();
  const unknown = input.exerciseIds.filter((id) => !catalog.byId.has(id));
  if (unknown.length > 0) throw new ApiError(400, `Invalid request: exerciseIds: there is no exercise ${unknown.map((id) => `"${id}"`).join(", ")} in this course.`);
  return input;
}
