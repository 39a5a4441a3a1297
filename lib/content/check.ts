import { readFile } from "node:fs/promises";
import path from "node:path";
import { checkExercise } from "@/lib/exercises/check";
import { readExercises } from "@/lib/exercises/load";
import { checkPlacements, findPlacements } from "@/lib/exercises/placement";
import type { GraderPool } from "@/lib/grading/pool";
import { compileLesson } from "./compile";
import { courseHrefs, readCourse } from "./course";
import { sortProblems, type ContentProblem } from "./problems";

/**
 * Everything `npm run content:check` verifies: the outline (modules,
 * frontmatter, duplicates), every lesson body and exercise prompt compiled
 * exactly as the site compiles it, the exercises' files and placement, and,
 * given a grader pool, every exercise graded in the real sandbox.
 */
export async function checkCourse(contentDir: string, projectRoot = process.cwd(), options: { pool?: GraderPool } = {}) {
  const { course, problems } = await readCourse(contentDir, projectRoot);
  const knownHrefs = courseHrefs(course);
  const { exercises, problems: exerciseProblems } = await readExercises(contentDir, projectRoot);
  const found: ContentProblem[] = [...problems, ...exerciseProblems];
  const placements = [];
  for (const lesson of course.lessons) {
    const source = await readFile(path.join(projectRoot, lesson.file), "utf8");
    found.push(...(await compileLesson(lesson.file, source, knownHrefs)).problems);
    placements.push(...findPlacements(source, lesson));
  }
  found.push(...checkPlacements(exercises, placements));
  for (const exercise of exercises) {
    found.push(...(await compileLesson(exercise.prompt.file, exercise.prompt.source, knownHrefs)).problems);
    if (options.pool) found.push(...(await checkExercise(options.pool, exercise)));
  }
  return { course, exercises, problems: sortProblems(found) };
}
