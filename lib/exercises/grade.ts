/** Grading an exercise submission: the job the grader pool runs, with every test, public and hidden. */
import "server-only";
import type { GraderPool } from "@/lib/grading/pool";
import { boundVerdict } from "@/lib/grading/verdict-bounds";
import { failAll } from "@/lib/cell-runtime/run-tests";
import type { Verdict } from "@/lib/cell-runtime/verdict";
import type { Exercise } from "./load";

/** Always a verdict, bounded again here before it is stored or sent: whatever a grader process returns is capped (lib/grading/verdict-bounds.ts). */
export async function gradeSubmission(pool: GraderPool, exercise: Exercise, code: string): Promise<Verdict> {
  const suites = [exercise.publicTests, exercise.hiddenTests];
  return boundVerdict(await pool.grade({ code, suites, limits: { timeMs: exercise.timeLimitSeconds * 1000 } }, failAll(suites, "not run")));
}
