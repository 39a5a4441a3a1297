import { NextResponse } from "next/server";
import { z } from "zod";
import { handle, readJson, requireSameOrigin } from "@/lib/api/http";
import { currentLearnerId } from "@/lib/auth/current-learner";
import { createKey, notYours } from "@/lib/serving/service";

const KeyBody = z.strictObject({ name: z.string().trim().min(1, "name must not be empty").max(60, "name must be at most 60 characters") });

/** Makes an API key for one of the learner's models; the response is the only place the key itself appears. */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  requireSameOrigin(request);
  const { name } = await readJson(request, KeyBody, 1024);
  const learnerId = await currentLearnerId(request);
  if (!learnerId) throw notYours();
  return NextResponse.json(await createKey(learnerId, (await params).id, name), { status: 201, headers: { "Cache-Control": "no-store" } });
});
