import { z } from "zod";
import { handle, readJson, requireSameOrigin } from "@/lib/api/http";
import { asLearner } from "@/lib/auth/current-learner";
import { findExercise, recordHint } from "@/lib/exercises/service";

const HintBody = z.strictObject({ index: z.int().min(0).max(100) });

/** Records that the learner opened a hint, so instructors see how much help each exercise needs. */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  requireSameOrigin(request);
  const exercise = await findExercise((await params).id);
  const { index } = await readJson(request, HintBody, 1024);
  return asLearner(request, async (learnerId) => {
    await recordHint(learnerId, exercise.id, index);
    return new Response(null, { status: 204 });
  });
});
