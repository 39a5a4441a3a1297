import { handle, requireSameOrigin } from "@/lib/api/http";
import { currentLearnerId } from "@/lib/auth/current-learner";
import { deleteModel, notYours } from "@/lib/serving/service";

/** Stops serving a model: it and its keys are deleted. Its owner only. */
export const DELETE = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  requireSameOrigin(request);
  const learnerId = await currentLearnerId(request);
  if (!learnerId) throw notYours();
  await deleteModel(learnerId, (await params).id);
  return new Response(null, { status: 204 });
});
