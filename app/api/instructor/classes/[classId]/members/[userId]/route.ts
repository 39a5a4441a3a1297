import { ApiError, handle } from "@/lib/api/http";
import { requireClassInstructor } from "@/lib/classes/access";
import { db } from "@/lib/db/client";
import { removeMember } from "@/lib/db/classes";

type Params = { params: Promise<{ classId: string; userId: string }> };

/** Takes a student or a co-instructor out of the class; their own work stays theirs. Its instructors only. */
export const DELETE = handle(async (request: Request, { params }: Params) => {
  const { classId, userId } = await params;
  await requireClassInstructor(request, classId);
  const outcome = await removeMember(db(), classId, userId);
  if (outcome === "not-a-member") throw new ApiError(404, "That person is not in this class.");
  if (outcome === "last-instructor") throw new ApiError(409, "A class needs at least one instructor: add another before removing this one.");
  return new Response(null, { status: 204 });
});
