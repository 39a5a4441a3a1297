import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { cachedFromContent } from "@/lib/content/content-cache";
import type { LessonEntry } from "@/lib/content/course";
import { getCourse } from "@/lib/content/lesson";
import { ContentError, type ContentProblem } from "@/lib/content/problems";
import { exerciseMaxScore, readExercises, type Exercise } from "./load";
import { checkPlacements, findPlacements, type Placement } from "./placement";

export type PlacedExercise = Exercise & { lessonHref: string; maxScore: number };

export type ExerciseCatalog = {
  byId: Map<string, PlacedExercise>;
  /** Exercise ids of each lesson, by lesson href, in the order the lesson places them. */
  byLesson: Map<string, string[]>;
};

export type LessonSource = { entry: LessonEntry; source: string };

/**
 * The course's exercises and where its lessons place them, with every
 * problem in either: the one reading that both the catalog and
 * content:check (check-course.ts) start from.
 */
export async function readPlacedExercises(
  lessons: readonly LessonSource[],
  contentDir: string,
  projectRoot: string,
): Promise<{ exercises: Exercise[]; placements: Placement[]; problems: ContentProblem[] }> {
  const { exercises, problems } = await readExercises(contentDir, projectRoot);
  const found = findPlacements(lessons);
  problems.push(...found.problems, ...checkPlacements(exercises, found.placements));
  return { exercises, placements: found.placements, problems };
}

const CONTENT_DIR = path.join(process.cwd(), "content");

/**
 * The course's exercises with the lesson each one is placed in: built once
 * per process in production, and again when content/ changes in development.
 * Broken exercises throw a ContentError like broken lessons do.
 */
export const getExerciseCatalog: () => Promise<ExerciseCatalog> = cachedFromContent(CONTENT_DIR, async () => {
  const course = await getCourse();
  const lessons = await Promise.all(
    course.lessons.map(async (entry) => ({
      entry,
      // Spelled out from "content" so the build traces only that folder into the server output.
      source: await readFile(path.join(process.cwd(), "content", entry.moduleSlug, path.basename(entry.file)), "utf8"),
    })),
  );
  const { exercises, placements, problems } = await readPlacedExercises(lessons, CONTENT_DIR, process.cwd());
  if (problems.length > 0) throw new ContentError(problems);

  const byId = new Map<string, PlacedExercise>();
  const byLesson = new Map<string, string[]>();
  for (const placement of placements) {
    const exercise = exercises.find((e) => e.id === placement.exerciseId)!;
    byId.set(exercise.id, { ...exercise, lessonHref: placement.lessonHref, maxScore: exerciseMaxScore(exercise) });
    byLesson.set(placement.lessonHref, [...(byLesson.get(placement.lessonHref) ?? []), exercise.id]);
  }
  return { byId, byLesson };
});
