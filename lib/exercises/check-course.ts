import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { compileLesson } from "@/lib/content/compile";
import { courseHrefs, readCourse } from "@/lib/content/course";
import { sortProblems, type ContentProblem } from "@/lib/content/problems";
import type { GraderPool } from "@/lib/grading/pool";
import { readPlacedExercises } from "./catalog";
import { checkExercise } from "./check";

/**
 * Everything `npm run content:check` verifies, in one place: the outline
 * (modules, frontmatter, duplicates), every lesson body and exercise prompt
 * compiled exactly as the site compiles it, the exercises' files and
 * placement (read as the catalog reads them), and, given a grader pool,
 * every exercise graded in the real sandbox.
 */
export async function checkCourse(contentDir: string, projectRoot = process.cwd(), options: { pool?: GraderPool } = {}) {
  const { course, problems } = await readCourse(contentDir, projectRoot);
  const knownHrefs = courseHrefs(course);
  const lessons = await Promise.all(course.lessons.map(async (entry) => ({ entry, source: await readFile(path.join(projectRoot, entry.file), "utf8") })));
  const placed = await readPlacedExercises(lessons, contentDir, projectRoot);
  const found: ContentProblem[] = [...problems, ...placed.problems];
  for (const { entry, source } of lessons) found.push(...(await compileLesson(entry.file, source, knownHrefs)).problems);
  for (const exercise of placed.exercises) {
    found.push(...(await compileLesson(exercise.prompt.file, exercise.prompt.source, knownHrefs)).problems);
    if (options.pool) found.push(...(await checkExercise(options.pool, exercise)));
  }
  return { course, exercises: placed.exercises, problems: sortProblems(unique(found)) };
}

/** A lesson that does not parse is reported by the placement reading and by its compile: once is enough. */
function unique(problems: ContentProblem[]): ContentProblem[] {
  const byPlace = new Map(problems.map((p) => [`${p.file}:${p.line}:${p.column}:${p.message}`, p]));
  return [...byPlace.values()];
}
