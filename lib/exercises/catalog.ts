import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { getCourse } from "@/lib/content/lesson";
import { ContentError } from "@/lib/content/problems";
import { exerciseMaxScore, readExercises, type Exercise } from "./load";
import { checkPlacements, findPlacements } from "./placement";

export type PlacedExercise = Exercise & { lessonHref: string; maxScore: number };

export type ExerciseCatalog = {
  byId: Map<string, PlacedExercise>;
  /** Exercise ids of each lesson, by lesson href, in the order the lesson places them. */
  byLesson: Map<string, string[]>;
};

/**
 * The course's exercises with the lesson each one is placed in. Read on each
 * call (a few small files), so the dev server picks up edits at once; broken
 * exercises throw a ContentError like broken lessons do.
 */
export async function getExerciseCatalog(): Promise<ExerciseCatalog> {
  const course = await getCourse();
  // Spelled out from "content" so the build traces only that folder into the server output.
  const { exercises, problems } = await readExercises(path.join(process.cwd(), "content"));
  const placements = (
    await Promise.all(
      course.lessons.map(async (lesson) =>
        findPlacements(await readFile(path.join(process.cwd(), "content", lesson.moduleSlug, path.basename(lesson.file)), "utf8"), lesson),
      ),
    )
  ).flat();
  problems.push(...checkPlacements(exercises, placements));
  if (problems.length > 0) throw new ContentError(problems);

  const byId = new Map<string, PlacedExercise>();
  const byLesson = new Map<string, string[]>();
  for (const placement of placements) {
    const exercise = exercises.find((e) => e.id === placement.exerciseId)!;
    byId.set(exercise.id, { ...exercise, lessonHref: placement.lessonHref, maxScore: exerciseMaxScore(exercise) });
    byLesson.set(placement.lessonHref, [...(byLesson.get(placement.lessonHref) ?? []), exercise.id]);
  }
  return { byId, byLesson };
}
