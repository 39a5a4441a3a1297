import { NextResponse } from "next/server";
import { ApiError, handle, readJson, requireSameOrigin } from "@/lib/api/http";
import { requireUser } from "@/lib/auth/require-instructor";
import { JoinInput } from "@/lib/classes/input";
import { findClassToJoin, NO_SUCH_CODE } from "@/lib/classes/join";
import { db } from "@/lib/db/client";
import { joinClass } from "@/lib/db/classes";

/**
 * A signed-in learner joins a class by its code. Anonymous learners sign up
 * first (their work comes with them), since a roster lists accounts.
 */
export const POST = handle(async (request: Request) => {
  const user = await requireUser(request.headers, "Sign in or create an account to join a class: your work so far comes with you.");
  requireSameOrigin(request);
  const { code } = await readJson(request, JoinInput, 1024);
  const found = await findClassToJoin(request, code);
  if (!found) throw new ApiError(404, NO_SUCH_CODE);
  const role = await joinClass(db(), found.id, user.id);
  return NextResponse.json({ classId: found.id, name: found.name, role });
});
