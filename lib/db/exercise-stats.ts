import "server-only";
import type { Verdict } from "@/lib/cell-runtime/verdict";
import type { Db } from "./client";
import { NOT_ATTEMPTS } from "./progress";
import { studentsOfClass } from "./classes";

export type ExerciseStats = {
  exerciseId: string;
  /** Students with at least one graded submission. */
  students: number;
  attempts: number;
  passed: number;
  /** passed / students, or undefined when nobody has tried. */
  passRate?: number;
  /** Over students who passed: graded submissions up to and including their first pass. */
  medianAttemptsToPass?: number;
  /** Students who opened at least one hint, and hints opened in all. */
  studentsWithHints: number;
  hintsOpened: number;
  reveals: number;
};

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Attempts, pass rate, attempts to pass, hints and reveals for each exercise id, over the class's students only. */
export async function exerciseStats(db: Db, classId: string, exerciseIds: readonly string[]): Promise<ExerciseStats[]> {
  const onlyStudents = { learner: studentsOfClass(classId) };
  const [submissions, hints, reveals] = await Promise.all([
    db.submission.findMany({
      where: { status: { notIn: NOT_ATTEMPTS }, ...onlyStudents },
      select: { learnerId: true, exerciseId: true, status: true },
      orderBy: { createdAt: "asc" },
    }),
    db.hintView.findMany({ where: onlyStudents, select: { learnerId: true, exerciseId: true } }),
    db.solutionReveal.groupBy({ by: ["exerciseId"], where: onlyStudents, _count: { learnerId: true } }),
  ]);
  const submissionsBy = Map.groupBy(submissions, (s) => s.exerciseId);
  const hintsBy = Map.groupBy(hints, (h) => h.exerciseId);
  return exerciseIds.map((exerciseId) => {
    const byLearner = Map.groupBy(submissionsBy.get(exerciseId) ?? [], (s) => s.learnerId);
    const attemptsToPass = [...byLearner.values()].flatMap((attempts) => {
      const first = attempts.findIndex((a) => a.status === "passed");
      return first === -1 ? [] : [first + 1];
    });
    const hintRows = hintsBy.get(exerciseId) ?? [];
    return {
      exerciseId,
      students: byLearner.size,
      attempts: submissionsBy.get(exerciseId)?.length ?? 0,
      passed: attemptsToPass.length,
      passRate: byLearner.size > 0 ? attemptsToPass.length / byLearner.size : undefined,
      medianAttemptsToPass: median(attemptsToPass),
      studentsWithHints: new Set(hintRows.map((h) => h.learnerId)).size,
      hintsOpened: hintRows.length,
      reveals: reveals.find((r) => r.exerciseId === exerciseId)?._count.learnerId ?? 0,
    };
  });
}

export type FailureGroup = {
  /** The failing test's name, or the verdict's status when the submission stopped before its tests (syntax error, time limit…). */
  test: string;
  /** A message as students saw it; numbers differ between students, so they are ignored when grouping. */
  message: string;
  students: number;
  submissions: number;
};

/** Numbers vary with each student's code; the misconception is the message around them. */
const messagePattern = (message: string) => message.replace(/-?\d+(\.\d+)?(e[-+]?\d+)?/gi, "#");

/**
 * The failures of an exercise by the class's students, grouped by test and feedback message, most
 * students first: where the class is stuck, and on what misconception.
 */
export async function exerciseFailures(db: Db, classId: string, exerciseId: string): Promise<FailureGroup[]> {
  const failed = await db.submission.findMany({
    where: { exerciseId, status: { notIn: [...NOT_ATTEMPTS, "passed"] }, learner: studentsOfClass(classId) },
    select: { learnerId: true, verdict: true },
  });
  const groups = new Map<string, FailureGroup & { learners: Set<string> }>();
  for (const submission of failed) {
    if (!submission.verdict) continue;
    const verdict = JSON.parse(submission.verdict) as Verdict;
    const failures = verdict.message
      ? [{ test: verdict.status, message: verdict.message }]
      : verdict.tests.filter((t) => !t.passed).map((t) => ({ test: t.name, message: t.message ?? "" }));
    for (const failure of failures) {
      const key = `${failure.test}\0${messagePattern(failure.message)}`;
      const group = groups.get(key) ?? { ...failure, students: 0, submissions: 0, learners: new Set<string>() };
      group.submissions += 1;
      group.learners.add(submission.learnerId);
      group.students = group.learners.size;
      groups.set(key, group);
    }
  }
  return [...groups.values()]
    .map((group): FailureGroup => ({ test: group.test, message: group.message, students: group.students, submissions: group.submissions }))
    .sort((a, b) => b.students - a.students || b.submissions - a.submissions || a.test.localeCompare(b.test));
}
