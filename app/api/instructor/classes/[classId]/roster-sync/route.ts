import { NextResponse } from "next/server";
import { ApiError, handle } from "@/lib/api/http";
import { requireClassInstructor } from "@/lib/classes/access";
import { db } from "@/lib/db/client";
import { syncRoster } from "@/lib/lti/roster";

type Params = { params: Promise<{ classId: string }> };

/** Refreshes the class's roster from its LMS course now (it also refreshes at each instructor launch). */
export const POST = handle(async (request: Request, { params }: Params) => {
  const { classId } = await params;
  await requireClassInstructor(request, classId);
  try {
    return NextResponse.json(await syncRoster(db(), classId));
  } catch (error) {
    throw new ApiError(502, `The roster could not be read from the LMS: ${(error as Error).message}`);
  }
});
