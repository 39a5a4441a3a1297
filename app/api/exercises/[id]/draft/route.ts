import { z } from "zod";
import { handle, readJson, requireSameOrigin } from "@/lib/api/http";
import { asLearner } from "@/lib/auth/current-learner";
import { MAX_CODE_CHARACTERS } from "@/lib/exercises/limits";
import { findExercise, saveDraft } from "@/lib/exercises/service";

const DraftBody = z.strictObject({
  code: z.string().max(MAX_CODE_CHARACTERS, `code must be at most ${MAX_CODE_CHARACTERS} characters`),
});

/** Saves the learner's code as they type (debounced by the page) and when they leave. */
export const PUT = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  requireSameOrigin(request);
  // An unknown exercise is a 404 before the body is read.
  const exercise = await findExercise((await params).id);
  const { code } = await readJson(request, DraftBody, MAX_CODE_CHARACTERS * 4 + 1024);
  return asLearner(request, async (learnerId) => {
    await saveDraft(learnerId, exercise.id, code);
    return new Response(null, { status: 204 });
  });
});

// navigator.sendBeacon can only POST; it is how the page saves when it is closed.
export const POST = PUT;
