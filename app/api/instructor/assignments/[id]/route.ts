import { NextResponse } from "next/server";
import { ApiError, handle, requireSameOrigin } from "@/lib/api/http";
import { requireInstructor } from "@/lib/auth/require-instructor";
import { db } from "@/lib/db/client";
import { assignmentExists, deleteAssignment, saveAssignment } from "@/lib/db/assignments";
import { readAssignmentRequest } from "@/lib/instructor/assignment-requests";

type Params = { params: Promise<{ id: string }> };

/** Changes an assignment: its dates, late policy and exercises. Grades follow at once, since they are computed. Instructors only. */
export const PUT = handle(async (request: Request, { params }: Params) => {
  const input = await readAssignmentRequest(request);
  const { id } = await params;
  if (!(await assignmentExists(db(), id))) throw new ApiError(404, "There is no such assignment.");
  await saveAssignment(db(), input, id);
  return NextResponse.json({ id });
});

export const DELETE = handle(async (request: Request, { params }: Params) => {
  await requireInstructor(request.headers);
  requireSameOrigin(request);
  if (!(await deleteAssignment(db(), (await params).id))) throw new ApiError(404, "There is no such assignment.");
  return new Response(null, { status: 204 });
});
