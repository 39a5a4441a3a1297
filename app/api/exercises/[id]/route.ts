import { NextResponse } from "next/server";
import { handle } from "@/lib/api/http";
import { currentLearnerId } from "@/lib/auth/current-learner";
import { db } from "@/lib/db/client";
import { exerciseState, type ExerciseState } from "@/lib/db/progress";
import { findExercise } from "@/lib/exercises/service";

const NO_PROGRESS: ExerciseState = { attempts: 0, bestScore: 0, maxScore: 0, passed: false, revealed: false, hintsShown: 0 };

/** The learner's state on one exercise: attempts, best score, last verdict, draft, and the solution once revealed. */
export const GET = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const exercise = await findExercise((await params).id);
  const learnerId = await currentLearnerId(request);
  if (!learnerId) return NextResponse.json({ state: NO_PROGRESS });
  const state = await exerciseState(db(), learnerId, exercise.id);
  return NextResponse.json({ state, solution: state.revealed ? exercise.solution : undefined }, { headers: { "cache-control": "no-store" } });
});
