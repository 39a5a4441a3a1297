import { readFile } from "node:fs/promises";
import path from "node:path";
import { compileLesson } from "./compile";
import { courseHrefs, readCourse } from "./course";
import { sortProblems, type ContentProblem } from "./problems";

/**
 * Everything `npm run content:check` verifies: the outline (modules,
 * frontmatter, duplicates) and then every lesson body compiled exactly as the
 * site compiles it.
 */
export async function checkCourse(contentDir: string, projectRoot = process.cwd()) {
  const { course, problems } = await readCourse(contentDir, projectRoot);
  const knownHrefs = courseHrefs(course);
  const lessonProblems: ContentProblem[] = [];
  for (const lesson of course.lessons) {
    const source = await readFile(path.join(projectRoot, lesson.file), "utf8");
    lessonProblems.push(...(await compileLesson(lesson.file, source, knownHrefs)).problems);
  }
  return { course, problems: sortProblems([...problems, ...lessonProblems]) };
}
