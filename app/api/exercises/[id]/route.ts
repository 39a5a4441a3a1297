import { NextResponse } from "next/server";
import { handle } from "@/lib/api/http";
import { currentLearnerId } from "@/lib/auth/current-learner";
import { exerciseView } from "@/lib/exercises/service";

/** The learner's state on one exercise: attempts, best score, last verdict, draft, whether the solution may be revealed, and the solution once revealed. */
export const GET = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const id = (await params).id;
  const view = await exerciseView(await currentLearnerId(request), id);
  return NextResponse.json(view, { headers: { "cache-control": "no-store" } });
});
