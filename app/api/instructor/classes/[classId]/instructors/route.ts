import { NextResponse } from "next/server";
import { ApiError, handle, readJson } from "@/lib/api/http";
import { requireClassInstructor } from "@/lib/classes/access";
import { InstructorInput } from "@/lib/classes/input";
import { db } from "@/lib/db/client";
import { addInstructor, userIdByEmail } from "@/lib/db/classes";

type Params = { params: Promise<{ classId: string }> };

/** Adds a co-instructor by the email of their Descent account. Its instructors only. */
export const POST = handle(async (request: Request, { params }: Params) => {
  const { classId } = await params;
  await requireClassInstructor(request, classId);
  const { email } = await readJson(request, InstructorInput, 1024);
  const userId = await userIdByEmail(db(), email);
  if (!userId) throw new ApiError(404, `No Descent account uses ${email}: ask them to create one at /account first, then add them again.`);
  await addInstructor(db(), classId, userId);
  return NextResponse.json({ userId }, { status: 201 });
});
