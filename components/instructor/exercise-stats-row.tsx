import type { ExerciseStats } from "@/lib/db/exercise-stats";

const percent = (rate: number | undefined) => (rate === undefined ? "–" : `${Math.round(rate * 100)}%`);

export const STATS_HEADERS = ["Students", "Attempts", "Pass rate", "Median attempts to pass", "Students who opened hints", "Hints opened", "Solutions revealed"];

/** One exercise's numbers, in STATS_HEADERS order: the same cells on the overview and on the exercise's own page. */
export function statsCells(stats: ExerciseStats): Array<string | number> {
  return [
    stats.students,
    stats.attempts,
    `${percent(stats.passRate)} (${stats.passed}/${stats.students})`,
    stats.medianAttemptsToPass ?? "–",
    stats.studentsWithHints,
    stats.hintsOpened,
    stats.reveals,
  ];
}
