import { NextResponse } from "next/server";
import { handle } from "@/lib/api/http";
import { currentLearnerId } from "@/lib/auth/current-learner";
import { db } from "@/lib/db/client";
import { courseProgress } from "@/lib/db/progress";
import { getExerciseCatalog } from "@/lib/exercises/catalog";

/** The course page's progress: completed lessons and, per lesson, its exercises and the learner's best scores. */
export const GET = handle(async (request: Request) => {
  const catalog = await getExerciseCatalog();
  const learnerId = await currentLearnerId(request);
  const progress = learnerId ? await courseProgress(db(), learnerId) : { completedLessons: [], exercises: {} };
  return NextResponse.json(
    { ...progress, lessons: Object.fromEntries(catalog.byLesson) },
    { headers: { "cache-control": "no-store" } },
  );
});
