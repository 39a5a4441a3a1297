import { NextResponse } from "next/server";
import { ApiError, handle, requireSameOrigin } from "@/lib/api/http";
import { currentLearnerId } from "@/lib/auth/current-learner";
import { db } from "@/lib/db/client";
import { exerciseState, recordReveal } from "@/lib/db/progress";
import { findExercise } from "@/lib/exercises/service";

/** Reveals the reference solution once the learner has made the attempts the author asks for; the reveal is recorded. */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  requireSameOrigin(request);
  const exercise = await findExercise((await params).id);
  const learnerId = await currentLearnerId(request);
  const state = learnerId ? await exerciseState(db(), learnerId, exercise.id) : undefined;
  const remaining = exercise.revealSolutionAfter - (state?.attempts ?? 0);
  if (!learnerId || (remaining > 0 && !state?.passed)) {
    throw new ApiError(403, `The solution opens after ${exercise.revealSolutionAfter} submissions; submit ${Math.max(remaining, 1)} more time${remaining === 1 ? "" : "s"} first.`);
  }
  await recordReveal(db(), learnerId, exercise.id);
  return NextResponse.json({ solution: exercise.solution });
});
