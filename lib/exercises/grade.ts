/** Grading an exercise submission: the job the grader pool runs, with every test, public and hidden. */
import "server-only";
import type { GraderPool } from "@/lib/grading/pool";
import { failAll } from "@/lib/cell-runtime/run-tests";
import type { Verdict } from "@/lib/cell-runtime/verdict";
import type { Exercise } from "./load";

export function gradeSubmission(pool: GraderPool, exercise: Exercise, code: string): Promise<Verdict> {
  const suites = [exercise.publicTests, exercise.hiddenTests];
  return pool.grade({ code, suites, limits: { timeMs: exercise.timeLimitSeconds * 1000 } }, failAll(suites, "not run"));
}
