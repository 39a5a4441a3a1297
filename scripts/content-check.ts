/**
 * `npm run content:check`: reports every mistake in content/ as
 * file:line:column, what is wrong and how to fix it; exits 1 if there is any.
 */
import path from "node:path";
import { checkCourse } from "@/lib/content/check";
import { formatProblem } from "@/lib/content/problems";

const contentDir = path.resolve(process.argv[2] ?? "content");
const { course, problems } = await checkCourse(contentDir);

if (problems.length > 0) {
  console.error(problems.map(formatProblem).join("\n\n"));
  console.error(`\ncontent:check found ${problems.length} problem${problems.length === 1 ? "" : "s"}.`);
  process.exit(1);
}
console.log(`content:check: ${course.modules.length} modules, ${course.lessons.length} lessons, no problems.`);
