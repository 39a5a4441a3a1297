/** What grading a submission produces: stored with it, and shown to the learner test by test. */

export type TestResult = {
  name: string;
  /** Hidden tests show their name, points and a fixed message (hidden-tests.ts), never their code, inputs or values. */
  hidden: boolean;
  points: number;
  maxPoints: number;
  passed: boolean;
  message?: string;
};

export type VerdictStatus =
  | "passed"
  | "failed"
  | "syntax-error"
  | "runtime-error"
  | "time-limit"
  | "memory-limit"
  | "crashed"
  /** The grading queue gave up after its attempts (workers died or failed): counts for nothing; resubmit. */
  | "not-graded";

export type Verdict = {
  status: VerdictStatus;
  /** Why the whole submission stopped (syntax error, limit, crash), if it did. */
  message?: string;
  line?: number;
  tests: TestResult[];
  score: number;
  maxScore: number;
  /** The learner's console output, capped, up to the first hidden test (hidden-tests.ts). */
  logs: string;
  durationMs: number;
};

export const STATUS_LABELS: Record<VerdictStatus, string> = {
  passed: "All tests passed",
  failed: "Some tests failed",
  "syntax-error": "Syntax error",
  "runtime-error": "Runtime error",
  "time-limit": "Time limit exceeded",
  "memory-limit": "Memory limit exceeded",
  crashed: "The grader crashed",
  "not-graded": "Could not be graded: submit again",
};

export function scoreOf(tests: readonly TestResult[]): { score: number; maxScore: number } {
  return {
    score: tests.reduce((sum, t) => sum + t.points, 0),
    maxScore: tests.reduce((sum, t) => sum + t.maxPoints, 0),
  };
}
