/**
 * Where lessons place exercises: each `<Exercise id="…" />`, read from the
 * lesson's own syntax tree (the parse the compiler makes), with its line for
 * problem reports.
 */
import type { LessonEntry } from "@/lib/content/course";
import { exercisePlacements, LessonSyntaxError, parseLesson } from "@/lib/content/lesson-tree";
import type { ContentProblem } from "@/lib/content/problems";
import type { Exercise } from "./load";

export type Placement = { exerciseId: string; file: string; line: number; moduleSlug: string; lessonHref: string };

/** Every placement in these lessons, in reading order; a lesson that does not parse is a problem. */
export function findPlacements(lessons: ReadonlyArray<{ entry: LessonEntry; source: string }>): { placements: Placement[]; problems: ContentProblem[] } {
  const placements: Placement[] = [];
  const problems: ContentProblem[] = [];
  for (const { entry, source } of lessons) {
    try {
      for (const { exerciseId, line } of exercisePlacements(parseLesson(entry.file, source))) {
        placements.push({ exerciseId, file: entry.file, line, moduleSlug: entry.moduleSlug, lessonHref: entry.href });
      }
    } catch (error) {
      if (!(error instanceof LessonSyntaxError)) throw error;
      problems.push(error.problem);
    }
  }
  return { placements, problems };
}

/** Every exercise is placed exactly once, in a lesson of its own module; every placement names an exercise. */
export function checkPlacements(exercises: readonly Exercise[], placements: readonly Placement[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const byId = new Map(exercises.map((e) => [e.id, e]));
  for (const placement of placements) {
    const exercise = byId.get(placement.exerciseId);
    const where = { file: placement.file, line: placement.line, column: 1 };
    if (!exercise) {
      const known = exercises.filter((e) => e.moduleSlug === placement.moduleSlug).map((e) => `"${e.id}"`);
      problems.push({ ...where, message: `there is no exercise "${placement.exerciseId}"`, fix: known.length ? `Use one of this module's exercises: ${known.join(", ")}.` : `Add the folder content/${placement.moduleSlug}/exercises/${placement.exerciseId}/ (see the README).` });
    } else if (exercise.moduleSlug !== placement.moduleSlug) {
      problems.push({ ...where, message: `exercise "${exercise.id}" belongs to the module ${exercise.moduleSlug}`, fix: `Place it in a lesson of ${exercise.moduleSlug}, or move its folder into content/${placement.moduleSlug}/exercises/.` });
    }
  }
  for (const exercise of exercises) {
    const count = placements.filter((p) => p.exerciseId === exercise.id).length;
    if (count !== 1) {
      problems.push({
        file: `${exercise.dir}/exercise.yaml`,
        line: 1,
        column: 1,
        message: count === 0 ? "no lesson places this exercise" : `${count} lessons place this exercise`,
        fix: `Write <Exercise id="${exercise.id}" /> in exactly one lesson of the ${exercise.moduleSlug} module.`,
      });
    }
  }
  return problems;
}
