import { NextResponse } from "next/server";
import { handle } from "@/lib/api/http";
import { currentLearnerId } from "@/lib/auth/current-learner";
import { courseProgressView } from "@/lib/exercises/service";

/** The course page's progress: completed lessons and, per lesson, its exercises and the learner's best scores. */
export const GET = handle(async (request: Request) => {
  const progress = await courseProgressView(await currentLearnerId(request));
  return NextResponse.json(progress, { headers: { "cache-control": "no-store" } });
});
