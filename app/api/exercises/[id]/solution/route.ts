import { NextResponse } from "next/server";
import { handle, requireSameOrigin } from "@/lib/api/http";
import { currentLearnerId } from "@/lib/auth/current-learner";
import { revealSolution } from "@/lib/exercises/service";

/**
 * Reveals the reference solution to a learner who passed, or to a signed-in
 * account that made the attempts the author asks for (401 asks an anonymous
 * learner to sign in; 403 says how many attempts are left); the reveal is recorded.
 */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  requireSameOrigin(request);
  const id = (await params).id;
  return NextResponse.json({ solution: await revealSolution(await currentLearnerId(request), id) });
});
