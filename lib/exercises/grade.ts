/** Grading an exercise submission: the job the grader pool runs, with every test, public and hidden. */
import "server-only";
import type { GraderPool } from "@/lib/grading/pool";
import { boundVerdict } from "@/lib/grading/verdict-bounds";
import { failAll, hiddenTestFeedback } from "@/lib/cell-runtime/run-tests";
import { redactHiddenTests } from "@/lib/cell-runtime/hidden-tests";
import type { Verdict } from "@/lib/cell-runtime/verdict";
import type { Exercise } from "./load";

export type GradeOptions = {
  /**
   * content:check grading the author's own code (solution, starter, known-wrong
   * solutions): the hidden tests run as if public, so their messages and the
   * console output come back whole and `wrong:` can name a hidden test's message.
   * Never for a learner's submission.
   */
  forAuthor?: boolean;
  /** Who submitted (their address): the grading queue serves clients in turn. */
  client?: string;
};

/**
 * Always a verdict, bounded again here before it is stored or sent: whatever
 * a grader process returns is capped (lib/grading/verdict-bounds.ts).
 *
 * TRUST BOUNDARY: the verdict comes from a process that ran the learner's
 * code, so the hidden-test rules (lib/cell-runtime/hidden-tests.ts) are
 * applied again here, with this process's own list of the exercise's hidden
 * tests: a message the grader let through, or one forged for a hidden test,
 * does not reach the learner.
 */
export async function gradeSubmission(pool: GraderPool, exercise: Exercise, code: string, options: GradeOptions = {}): Promise<Verdict> {
  const hidden = hiddenTestFeedback([exercise.hiddenTests]);
  const suites = [exercise.publicTests, options.forAuthor ? { ...exercise.hiddenTests, hidden: false } : exercise.hiddenTests];
  const verdict = boundVerdict(await pool.grade({ code, suites, limits: { timeMs: exercise.timeLimitSeconds * 1000 } }, failAll(suites, "not run"), options.client));
  if (options.forAuthor) return { ...verdict, tests: verdict.tests.map((test) => ({ ...test, hidden: hidden.has(test.name) })) };
  return redactHiddenTests(verdict, hidden);
}
