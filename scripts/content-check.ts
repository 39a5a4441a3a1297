/**
 * `npm run content:check`: reports every mistake in content/ as
 * file:line:column, what is wrong and how to fix it; exits 1 if there is any.
 * Exercises are graded in the real sandbox (their solutions, starters and
 * known-wrong solutions). After a build, it also proves that no solution or
 * hidden test reached the files browsers receive.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { checkCourse } from "@/lib/exercises/check-course";
import { formatProblem } from "@/lib/content/problems";
import { scanClientOutput } from "@/lib/exercises/secrets-scan";
import { GraderPool } from "@/lib/grading/pool";
import { poolOptions } from "@/lib/grading/pool-options";
import { buildProcesses } from "./build-processes";

const contentDir = path.resolve(process.argv[2] ?? "content");
await buildProcesses(process.cwd());
const pool = new GraderPool(poolOptions());
const { course, exercises, problems } = await checkCourse(contentDir, process.cwd(), { pool }).finally(() => pool.close());

const nextDir = path.resolve(".next");
let scanned = "no build to scan yet (run it after `npm run build` to check the client output)";
if (existsSync(path.join(nextDir, "static"))) {
  const lessonSources = await Promise.all(course.lessons.map((lesson) => readFile(lesson.file, "utf8")));
  const scan = scanClientOutput(nextDir, exercises, lessonSources);
  problems.push(...scan.problems);
  scanned = `no solution or hidden test in ${scan.filesScanned} built client files`;
}

if (problems.length > 0) {
  console.error(problems.map(formatProblem).join("\n\n"));
  console.error(`\ncontent:check found ${problems.length} problem${problems.length === 1 ? "" : "s"}.`);
  process.exit(1);
}
console.log(
  `content:check: ${course.modules.length} modules, ${course.lessons.length} lessons, ${exercises.length} exercises graded in the sandbox; ${scanned}; no problems.`,
);
