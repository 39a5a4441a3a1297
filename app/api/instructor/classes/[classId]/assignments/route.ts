import { NextResponse } from "next/server";
import { handle } from "@/lib/api/http";
import { db } from "@/lib/db/client";
import { saveAssignment } from "@/lib/db/assignments";
import { readAssignmentRequest } from "@/lib/instructor/assignment-requests";

type Params = { params: Promise<{ classId: string }> };

/** Creates an assignment in the class. Its instructors only. */
export const POST = handle(async (request: Request, { params }: Params) => {
  const { classId } = await params;
  const input = await readAssignmentRequest(request, classId);
  const id = await saveAssignment(db(), classId, input);
  return NextResponse.json({ id }, { status: 201 });
});
