import "server-only";
import type { Db } from "./client";

export type GradebookRow = {
  learnerId: string;
  /** The account's email, or undefined for a learner who never signed up. */
  email?: string;
  name?: string;
  lastActivity: string;
  /** Best score per exercise id (absent: never submitted). */
  best: Record<string, { score: number; maxScore: number; passed: boolean }>;
  completedLessons: number;
  total: number;
};

/**
 * One row per learner with any submission: best score per exercise, lessons
 * completed, last activity. The roster page and the CSV export both read this,
 * so they always agree.
 */
export async function gradebook(db: Db): Promise<GradebookRow[]> {
  const [learners, bests, passes, completions] = await Promise.all([
    db.learner.findMany({ where: { submissions: { some: {} } }, include: { user: { select: { email: true, name: true, role: true } } } }),
    db.submission.groupBy({ by: ["learnerId", "exerciseId"], where: { status: { not: "pending" } }, _max: { score: true, maxScore: true } }),
    db.submission.findMany({ where: { status: "passed" }, select: { learnerId: true, exerciseId: true }, distinct: ["learnerId", "exerciseId"] }),
    db.lessonCompletion.groupBy({ by: ["learnerId"], _count: { lessonHref: true } }),
  ]);
  const passed = new Set(passes.map((p) => `${p.learnerId}\0${p.exerciseId}`));
  return learners
    .filter((learner) => learner.user?.role !== "instructor")
    .map((learner) => {
      const best = Object.fromEntries(
        bests
          .filter((b) => b.learnerId === learner.id)
          .map((b) => [b.exerciseId, { score: b._max.score ?? 0, maxScore: b._max.maxScore ?? 0, passed: passed.has(`${learner.id}\0${b.exerciseId}`) }]),
      );
      return {
        learnerId: learner.id,
        email: learner.user?.email,
        name: learner.user?.name,
        lastActivity: learner.lastSeenAt.toISOString(),
        best,
        completedLessons: completions.find((c) => c.learnerId === learner.id)?._count.lessonHref ?? 0,
        total: Object.values(best).reduce((sum, b) => sum + b.score, 0),
      };
    });
}

/** The gradebook as CSV: one row per student, one column per exercise, plus totals. */
export function gradebookCsv(rows: readonly GradebookRow[], exerciseIds: readonly string[]): string {
  const cell = (value: string | number) => {
    const text = String(value);
    // Quote what CSV needs quoted, and defuse spreadsheet formulas (=, +, -, @) in text cells.
    const safe = /^[=+\-@]/.test(text) && typeof value === "string" ? `'${text}` : text;
    return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const header = ["student", "email", "last activity", ...exerciseIds, "total", "lessons completed"];
  const lines = rows.map((row) => [
    row.name ?? `anonymous ${row.learnerId.slice(0, 8)}`,
    row.email ?? "",
    row.lastActivity,
    ...exerciseIds.map((id) => row.best[id]?.score ?? ""),
    row.total,
    row.completedLessons,
  ]);
  return [header, ...lines].map((line) => line.map(cell).join(",")).join("\n") + "\n";
}
