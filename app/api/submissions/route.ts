import { NextResponse } from "next/server";
import { z } from "zod";
import { clientAddressOf, limitSubmissionsFromClient } from "@/lib/auth/client-limits";
import { handle, readJson, requireSameOrigin } from "@/lib/api/http";
import { asLearner } from "@/lib/auth/current-learner";
import { MAX_CODE_CHARACTERS } from "@/lib/exercises/limits";
import { submit } from "@/lib/exercises/service";

const SubmissionBody = z.strictObject({
  /** Made by the browser once per Submit click, so a retried request is recognised. */
  id: z.uuid(),
  exerciseId: z.string().min(1).max(100),
  code: z.string().max(MAX_CODE_CHARACTERS, `code must be at most ${MAX_CODE_CHARACTERS} characters`),
});

// Grading runs in the grader pool (Node.js child processes), so this route needs the Node.js runtime.
export const runtime = "nodejs";

export const POST = handle(async (request: Request) => {
  requireSameOrigin(request);
  const body = await readJson(request, SubmissionBody, MAX_CODE_CHARACTERS * 4 + 1024);
  await limitSubmissionsFromClient(request);
  return asLearner(request, async (learnerId) => {
    const result = await submit(learnerId, body, clientAddressOf(request));
    return NextResponse.json(result, { status: result.submission.status === "pending" ? 202 : 200 });
  });
});
