import { NextResponse } from "next/server";
import { ApiError, handle } from "@/lib/api/http";
import { requireClassInstructor } from "@/lib/classes/access";
import { db } from "@/lib/db/client";
import { usesPostgres } from "@/lib/db/config";
import { assignmentExists, deleteAssignment, saveAssignment } from "@/lib/db/assignments";
import { readAssignmentRequest } from "@/lib/instructor/assignment-requests";
import { markAssignmentScoresToSend } from "@/lib/db/lti-scores";
import { deliverScoresSoon } from "@/lib/lti/score-delivery";

type Params = { params: Promise<{ classId: string; id: string }> };
const NO_SUCH_ASSIGNMENT = "This class has no such assignment.";

/** Changes a class's assignment: its dates, late policy and exercises. Grades follow at once, since they are computed. Its instructors only. */
export const PUT = handle(async (request: Request, { params }: Params) => {
  const { classId, id } = await params;
  const input = await readAssignmentRequest(request, classId);
  if (!(await assignmentExists(db(), classId, id))) throw new ApiError(404, NO_SUCH_ASSIGNMENT);
  await saveAssignment(db(), classId, input, id);
  // A new due date or late policy changes grades; a class taught through an LMS sends them there again.
  await markAssignmentScoresToSend(db(), classId, id);
  // On several machines the workers send (each wakes within a minute); on one, this server does.
  if (!usesPostgres()) deliverScoresSoon(db());
  return NextResponse.json({ id });
});

export const DELETE = handle(async (request: Request, { params }: Params) => {
  const { classId, id } = await params;
  await requireClassInstructor(request, classId);
  if (!(await deleteAssignment(db(), classId, id))) throw new ApiError(404, NO_SUCH_ASSIGNMENT);
  return new Response(null, { status: 204 });
});
