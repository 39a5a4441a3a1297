import { NextResponse } from "next/server";
import { handle } from "@/lib/api/http";
import { db } from "@/lib/db/client";
import { saveAssignment } from "@/lib/db/assignments";
import { readAssignmentRequest } from "@/lib/instructor/assignment-requests";

/** Creates an assignment. Instructors only. */
export const POST = handle(async (request: Request) => {
  const input = await readAssignmentRequest(request);
  const id = await saveAssignment(db(), input);
  return NextResponse.json({ id }, { status: 201 });
});
