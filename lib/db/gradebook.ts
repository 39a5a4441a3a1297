import "server-only";
import { assignmentGrades, type Assignment } from "./assignments";
import type { Db } from "./client";
import { NOT_ATTEMPTS } from "./progress";
import { classPeople } from "./classes";

export type GradebookRow = {
  userId: string;
  /** Absent for a student who joined and has done nothing yet. */
  learnerId?: string;
  email: string;
  name: string;
  /** Undefined until the student has done something. */
  lastActivity?: Date;
  /** Best score per exercise id (absent: never submitted). */
  best: Record<string, { score: number; maxScore: number; passed: boolean }>;
  /** Credited points per assignment id, by its late policy. */
  assignments: Record<string, number>;
  completedLessons: Set<string>;
};

/**
 * One row per student of the class, whether or not they have started: best
 * score per exercise, credit per assignment, lessons completed, last
 * activity. The roster page and the CSV export both read this through
 * `gradebookTable`, so they always agree.
 */
export async function gradebook(db: Db, classId: string, assignments: readonly Assignment[]): Promise<GradebookRow[]> {
  const students = (await classPeople(db, classId)).filter((p) => p.role === "student");
  const learnerIds = students.flatMap((s) => (s.learnerId ? [s.learnerId] : []));
  const ofStudents = { learnerId: { in: learnerIds } };
  const [learners, bests, passes, completions, credits] = await Promise.all([
    db.learner.findMany({ where: { id: { in: learnerIds } }, select: { id: true, lastSeenAt: true, submissions: { select: { id: true }, take: 1 } } }),
    db.submission.groupBy({ by: ["learnerId", "exerciseId"], where: { ...ofStudents, status: { notIn: NOT_ATTEMPTS } }, _max: { score: true, maxScore: true } }),
    db.submission.findMany({ where: { ...ofStudents, status: "passed" }, select: { learnerId: true, exerciseId: true }, distinct: ["learnerId", "exerciseId"] }),
    db.lessonCompletion.findMany({ where: ofStudents, select: { learnerId: true, lessonHref: true } }),
    assignmentGrades(db, assignments, learnerIds),
  ]);
  const passed = new Set(passes.map((p) => `${p.learnerId}\0${p.exerciseId}`));
  const learnerById = new Map(learners.map((l) => [l.id, l]));
  return students.map((student) => {
    const learner = student.learnerId ? learnerById.get(student.learnerId) : undefined;
    return {
      userId: student.userId,
      learnerId: learner?.id,
      email: student.email,
      name: student.name,
      // A learner row is made on a student's first visit; only work makes it activity.
      lastActivity: learner && learner.submissions.length > 0 ? learner.lastSeenAt : undefined,
      best: Object.fromEntries(
        bests
          .filter((b) => b.learnerId === learner?.id)
          .map((b) => [b.exerciseId, { score: b._max.score ?? 0, maxScore: b._max.maxScore ?? 0, passed: passed.has(`${learner?.id}\0${b.exerciseId}`) }]),
      ),
      assignments: Object.fromEntries(assignments.map((a) => [a.id, (learner && credits.get(learner.id)?.get(a.id)?.credited) ?? 0])),
      completedLessons: new Set(completions.filter((c) => c.learnerId === learner?.id).map((c) => c.lessonHref)),
    };
  });
}

export const studentLabel = (row: { name?: string; email?: string; userId: string }) => row.name || row.email || row.userId;

export type GradebookLayout = {
  exercises: ReadonlyArray<{ id: string; title: string; maxScore: number }>;
  assignments: ReadonlyArray<Pick<Assignment, "id" | "title" | "exerciseIds">>;
  modules: ReadonlyArray<{ slug: string; title: string; lessonHrefs: readonly string[] }>;
  maxScoreOf: (exerciseId: string) => number;
};

export type GradebookCell = string | number;
/** A column: its key (what code refers to it by), its heading, and for an exercise column the exercise. */
export type GradebookColumn = { key: string; label: string; exerciseId?: string };
export type GradebookTable = { columns: GradebookColumn[]; rows: Array<{ row: GradebookRow; cells: Record<string, GradebookCell> }> };

/** The keys of the columns every gradebook has; exercise, assignment and module columns are keyed by their id. */
export const GRADEBOOK_COLUMNS = {
  student: "student",
  email: "email",
  lastActivity: "last-activity",
  exerciseTotal: "exercise-total",
  assignmentTotal: "assignment-total",
  lessonsCompleted: "lessons-completed",
} as const;

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The gradebook's columns and cells: student, email, last activity, one
 * column per exercise, per assignment and per module, then totals. An empty
 * cell means never submitted.
 */
export function gradebookTable(rows: readonly GradebookRow[], layout: GradebookLayout): GradebookTable {
  const assignmentMax = (a: GradebookLayout["assignments"][number]) => a.exerciseIds.reduce((sum, id) => sum + layout.maxScoreOf(id), 0);
  const K = GRADEBOOK_COLUMNS;
  type Column = GradebookColumn & { value: (row: GradebookRow) => GradebookCell };
  const columns: Column[] = [
    { key: K.student, label: "student", value: studentLabel },
    { key: K.email, label: "email", value: (row) => row.email },
    { key: K.lastActivity, label: "last activity", value: (row) => row.lastActivity?.toISOString().slice(0, 16).replace("T", " ") ?? "not started" },
    ...layout.exercises.map((e): Column => ({ key: `exercise:${e.id}`, exerciseId: e.id, label: `${e.title} (/${e.maxScore})`, value: (row) => row.best[e.id]?.score ?? "" })),
    {
      key: K.exerciseTotal,
      label: `exercise total (/${layout.exercises.reduce((sum, e) => sum + e.maxScore, 0)})`,
      value: (row) => layout.exercises.reduce((sum, e) => sum + (row.best[e.id]?.score ?? 0), 0),
    },
    ...layout.assignments.map((a): Column => ({ key: `assignment:${a.id}`, label: `assignment: ${a.title} (/${assignmentMax(a)})`, value: (row) => row.assignments[a.id] ?? 0 })),
    {
      key: K.assignmentTotal,
      label: `assignment total (/${layout.assignments.reduce((sum, a) => sum + assignmentMax(a), 0)})`,
      value: (row) => round2(layout.assignments.reduce((sum, a) => sum + (row.assignments[a.id] ?? 0), 0)),
    },
    ...layout.modules.map((m): Column => ({
      key: `module:${m.slug}`,
      label: `lessons done: ${m.title} (/${m.lessonHrefs.length})`,
      value: (row) => m.lessonHrefs.filter((href) => row.completedLessons.has(href)).length,
    })),
    { key: K.lessonsCompleted, label: "lessons completed", value: (row) => row.completedLessons.size },
  ];
  return {
    columns: columns.map(({ key, label, exerciseId }) => ({ key, label, exerciseId })),
    rows: rows.map((row) => ({ row, cells: Object.fromEntries(columns.map((column) => [column.key, column.value(row)])) })),
  };
}

/** The gradebook as CSV: quoted where needed, with spreadsheet formulas defused in text cells. */
export function gradebookCsv(table: GradebookTable): string {
  const cell = (value: GradebookCell) => {
    const text = String(value);
    const safe = typeof value === "string" && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [table.columns.map((c) => c.label), ...table.rows.map((r) => table.columns.map((c) => r.cells[c.key] ?? ""))];
  return lines.map((line) => line.map(cell).join(",")).join("\n") + "\n";
}
