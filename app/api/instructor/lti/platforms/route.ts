import { NextResponse } from "next/server";
import { ApiError, handle, readJson, requireSameOrigin } from "@/lib/api/http";
import { mayCreateClasses, requireInstructor } from "@/lib/auth/require-instructor";
import { db } from "@/lib/db/client";
import { PlatformInput, savePlatform } from "@/lib/lti/platforms";

/** Registers an LMS by hand, with the values the LMS shows for Descent (or adds deployments to one registered). Instructor accounts only. */
export const POST = handle(async (request: Request) => {
  const user = await requireInstructor(request.headers);
  requireSameOrigin(request);
  if (!mayCreateClasses(user)) throw new ApiError(403, "Only instructor accounts can register an LMS.");
  const input = await readJson(request, PlatformInput, 16 * 1024);
  const { id, existed } = await savePlatform(db(), input);
  // A known LMS keeps its endpoints (only new deployment ids are added): say so rather than pretend they changed.
  return existed ? NextResponse.json({ id, note: "This LMS was already registered: its deployment ids were added; its endpoints are unchanged." }) : NextResponse.json({ id }, { status: 201 });
});
