import { NextResponse } from "next/server";
import { ApiError, handle, requireSameOrigin } from "@/lib/api/http";
import { currentLearnerId } from "@/lib/auth/current-learner";
import { revokeKey } from "@/lib/serving/service";

/** Revokes a key at once: the next request with it gets a 401. The key stays listed, marked revoked. */
export const DELETE = handle(async (request: Request, { params }: { params: Promise<{ id: string; keyId: string }> }) => {
  requireSameOrigin(request);
  const learnerId = await currentLearnerId(request);
  if (!learnerId) throw new ApiError(404, "There is no such key on any of your models.");
  const { id, keyId } = await params;
  return NextResponse.json(await revokeKey(learnerId, id, keyId));
});
