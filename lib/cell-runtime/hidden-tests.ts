/**
 * What a hidden test may tell the learner: its name, whether it passed, its
 * points and the author's `feedback`, never a message computed while it ran.
 * A failure message says what was expected and what came back, so one
 * submission that fails a hidden test on purpose would print its inputs and
 * answers; console output printed while a hidden test calls the learner's
 * functions would do the same. The grader applies these rules as it runs
 * the tests, and the web server applies them again to every verdict it
 * receives (lib/exercises/grade.ts), from its own list of hidden tests.
 */
import type { TestResult, Verdict, VerdictStatus } from "./verdict";

/** A hidden test that ran and failed, when its author gave no `feedback`. */
export const HIDDEN_TEST_FAILED = "this hidden test failed (hidden tests do not show their inputs or values)";

/** A hidden test the submission never finished (syntax error, limit, crash): the verdict's own message says why. */
export const HIDDEN_TEST_NOT_GRADED = "not graded: see why above";

/** Replaces whatever the learner's code printed once the first hidden test started. */
export const HIDDEN_LOGS_NOTICE = "(output from hidden tests is not shown)";

/** The only message a failed hidden test may carry. */
export function hiddenTestMessage(feedback: string | undefined, finished: boolean): string {
  if (!finished) return HIDDEN_TEST_NOT_GRADED;
  return feedback ?? HIDDEN_TEST_FAILED;
}

/** Whether the verdict's tests all ran to the end (a failure is then the test's own, not a stop). */
export const testsFinished = (status: VerdictStatus) => status === "passed" || status === "failed";

/**
 * The verdict with every hidden test's message replaced by the fixed text the
 * rules allow. Which tests are hidden comes from `hidden` (test name → the
 * author's feedback), the caller's own reading of the exercise; a test the
 * verdict itself marks hidden is treated the same way, and never unmarked.
 */
export function redactHiddenTests(verdict: Verdict, hidden: ReadonlyMap<string, string | undefined>): Verdict {
  const finished = testsFinished(verdict.status);
  const redact = (test: TestResult): TestResult => {
    if (!hidden.has(test.name) && !test.hidden) return test;
    // Built field by field: nothing the grader added to the result passes through.
    const kept: TestResult = { name: test.name, hidden: true, points: test.points, maxPoints: test.maxPoints, passed: test.passed };
    return test.passed ? kept : { ...kept, message: hiddenTestMessage(hidden.get(test.name), finished) };
  };
  return { ...verdict, tests: verdict.tests.map(redact) };
}
