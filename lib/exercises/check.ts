/**
 * content:check for exercises: grades each exercise's own code in the real
 * sandbox, the way a learner's submission is graded.
 * - the reference solution scores full marks, twice, with identical results (deterministic tests);
 * - the starter code does not score full marks;
 * - each known-wrong solution fails the test the author named, with the message they expect.
 * Graded `forAuthor`: hidden tests keep their messages here, which learners never see.
 */
import "server-only";
import type { ContentProblem } from "@/lib/content/problems";
import type { GraderPool } from "@/lib/grading/pool";
import type { Verdict } from "@/lib/cell-runtime/verdict";
import { gradeSubmission } from "./grade";
import type { Exercise } from "./load";

const AS_AUTHOR = { forAuthor: true } as const;

const summary = (verdict: Verdict) =>
  [verdict.message, ...verdict.tests.filter((t) => !t.passed).map((t) => `"${t.name}": ${t.message}`)].filter(Boolean).join("; ");

export async function checkExercise(pool: GraderPool, exercise: Exercise): Promise<ContentProblem[]> {
  const problems: ContentProblem[] = [];
  const at = (file: string, message: string, fix: string) => problems.push({ file, line: 1, column: 1, message, fix });
  const solutionFile = `${exercise.dir}/solution.ts`;

  const [first, second, starter] = await Promise.all([
    gradeSubmission(pool, exercise, exercise.solution, AS_AUTHOR),
    gradeSubmission(pool, exercise, exercise.solution, AS_AUTHOR),
    gradeSubmission(pool, exercise, exercise.starter, AS_AUTHOR),
  ]);
  if (first.status !== "passed") {
    at(solutionFile, `the reference solution scores ${first.score}/${first.maxScore} (${first.status}): ${summary(first)}`, "Fix the solution or the tests until the solution passes every test.");
  }
  const outcome = (v: Verdict) => JSON.stringify(v.tests.map((t) => [t.name, t.passed, t.message]));
  if (outcome(first) !== outcome(second)) {
    at(`${exercise.dir}/hidden-tests.ts`, "the tests are not deterministic: two runs of the reference solution disagree", "Use fixed inputs (no Math.random or unseeded tf.random*) so every submission is graded the same way.");
  }
  if (starter.status === "passed") {
    at(`${exercise.dir}/starter.ts`, "the starter code already scores full marks", "Leave the part the learner must write out of starter.ts, or add a test the starter fails.");
  }

  for (const wrong of exercise.wrongSolutions) {
    const verdict = await gradeSubmission(pool, exercise, wrong.code, AS_AUTHOR);
    const test = verdict.tests.find((t) => t.name === wrong.test);
    if (!test) {
      at(`${exercise.dir}/exercise.yaml`, `known-wrong solution ${wrong.file} names the test "${wrong.test}", which does not exist`, `Use one of: ${verdict.tests.map((t) => `"${t.name}"`).join(", ")}.`);
    } else if (test.passed) {
      at(wrong.file, `this known-wrong solution passes "${wrong.test}"`, "Add or tighten a test so this mistake fails, or correct the test named in exercise.yaml.");
    } else if (!test.message?.includes(wrong.message)) {
      at(wrong.file, `"${wrong.test}" fails with "${test.message}", not with a message containing "${wrong.message}"`, "Change `message:` in exercise.yaml to what learners should read, or change the test's check.");
    }
  }
  return problems;
}
