import { NextResponse } from "next/server";
import { ApiError, handle, readJson, requireSameOrigin } from "@/lib/api/http";
import { mayCreateClasses, requireInstructor } from "@/lib/auth/require-instructor";
import { ClassInput } from "@/lib/classes/input";
import { db } from "@/lib/db/client";
import { createClass } from "@/lib/db/classes";

/** Creates a class, its creator its first instructor, with a join code. Instructor accounts only. */
export const POST = handle(async (request: Request) => {
  const user = await requireInstructor(request.headers);
  requireSameOrigin(request);
  if (!mayCreateClasses(user)) throw new ApiError(403, "Only instructor accounts can create classes; ask an instructor to create one and add you to it.");
  const input = await readJson(request, ClassInput, 4 * 1024);
  return NextResponse.json(await createClass(db(), input, user.id), { status: 201 });
});
