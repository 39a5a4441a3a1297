import "server-only";
import { randomUUID } from "node:crypto";
import type { AssignmentInput } from "@/lib/assignments/input";
import { exerciseCredit, type ExerciseCredit, type LatePolicy } from "@/lib/assignments/late-policy";
import type { Db } from "./client";
import { NOT_ATTEMPTS, TRANSACTION_LIMITS } from "./progress";

export type Assignment = {
  id: string;
  title: string;
  opensAt: Date;
  dueAt: Date;
  latePolicy: LatePolicy;
  latePenaltyPercent: number;
  exerciseIds: string[];
};

/** A class's assignments, by due date. */
export async function listAssignments(db: Db, classId: string): Promise<Assignment[]> {
  const rows = await db.assignment.findMany({ where: { classId }, include: { exercises: { orderBy: { position: "asc" } } }, orderBy: [{ dueAt: "asc" }, { title: "asc" }] });
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    opensAt: row.opensAt,
    dueAt: row.dueAt,
    latePolicy: row.latePolicy as LatePolicy,
    latePenaltyPercent: row.latePenaltyPercent,
    exerciseIds: row.exercises.map((e) => e.exerciseId),
  }));
}

/**
 * Creates the class's assignment (no id) or replaces it, its exercises
 * included, in one transaction. An id of another class's assignment is
 * refused by the database: the update matches no row of this class.
 */
export async function saveAssignment(db: Db, classId: string, input: AssignmentInput, id: string = randomUUID()): Promise<string> {
  const { exerciseIds, ...fields } = input;
  await db.$transaction(async (tx) => {
    const existing = await tx.assignment.findUnique({ where: { id }, select: { classId: true } });
    if (existing && existing.classId !== classId) throw new Error(`assignment ${id} belongs to another class`);
    await tx.assignment.upsert({ where: { id }, create: { id, classId, ...fields }, update: fields });
    await tx.assignmentExercise.deleteMany({ where: { assignmentId: id } });
    for (const [position, exerciseId] of exerciseIds.entries()) {
      await tx.assignmentExercise.create({ data: { assignmentId: id, exerciseId, position } });
    }
  }, TRANSACTION_LIMITS);
  return id;
}

export async function assignmentExists(db: Db, classId: string, id: string): Promise<boolean> {
  return (await db.assignment.findFirst({ where: { id, classId }, select: { id: true } })) !== null;
}

/** Whether the class had it. Grades are computed, never stored, so nothing else changes. */
export async function deleteAssignment(db: Db, classId: string, id: string): Promise<boolean> {
  return (await db.assignment.deleteMany({ where: { id, classId } })).count > 0;
}

export type AssignmentGrade = { credited: number; exercises: Record<string, ExerciseCredit> };

/**
 * Every learner's grade on every assignment, computed from their graded
 * submissions by each assignment's late policy: learnerId → assignmentId → grade.
 */
export async function assignmentGrades(db: Db, assignments: readonly Assignment[], learnerIds?: readonly string[]): Promise<Map<string, Map<string, AssignmentGrade>>> {
  const exerciseIds = [...new Set(assignments.flatMap((a) => a.exerciseIds))];
  const submissions = await db.submission.findMany({
    where: { exerciseId: { in: exerciseIds }, status: { notIn: NOT_ATTEMPTS }, ...(learnerIds ? { learnerId: { in: [...learnerIds] } } : {}) },
    select: { learnerId: true, exerciseId: true, score: true, createdAt: true },
  });
  const attemptsBy = Map.groupBy(submissions, (s) => s.learnerId);
  const grades = new Map<string, Map<string, AssignmentGrade>>();
  for (const [learnerId, attempts] of attemptsBy) {
    const byExercise = Map.groupBy(attempts, (s) => s.exerciseId);
    grades.set(
      learnerId,
      new Map(
        assignments.map((assignment) => {
          const exercises = Object.fromEntries(assignment.exerciseIds.map((id) => [id, exerciseCredit(byExercise.get(id) ?? [], assignment)]));
          const credited = Object.values(exercises).reduce((sum, e) => sum + e.credited, 0);
          return [assignment.id, { credited: Math.round(credited * 100) / 100, exercises }];
        }),
      ),
    );
  }
  return grades;
}
