import "server-only";
import { createHash } from "node:crypto";
import type { Verdict } from "@/lib/cell-runtime/verdict";
import type { Db } from "./client";

/**
 * Learners' progress: submissions and their grades, drafts, solution reveals
 * and completed lessons. Every function takes the client, so the integration
 * tests run the same queries against their own database file.
 */

export type StoredSubmission = {
  id: string;
  exerciseId: string;
  status: string;
  score: number;
  maxScore: number;
  verdict?: Verdict;
  createdAt: string;
};

export class SubmissionConflict extends Error {}

/**
 * SQLite runs one write transaction at a time, so under load a transaction
 * may wait its turn; Prisma's defaults (2 s to start, 5 s to finish) would
 * turn that wait into an error. The transaction writes first, so it takes the
 * write lock at once and never needs to upgrade a read lock.
 */
export const TRANSACTION_LIMITS = { maxWait: 15_000, timeout: 15_000 };

export async function touchLearner(db: Db, learnerId: string): Promise<void> {
  await db.learner.upsert({ where: { id: learnerId }, create: { id: learnerId }, update: { lastSeenAt: new Date() } });
}

export const hashCode = (code: string) => createHash("sha256").update(code).digest("hex");

/**
 * Records a submission as pending before it is graded. The id comes from the
 * browser: a retried request finds its first attempt here instead of being
 * graded and counted again.
 */
export async function startSubmission(
  db: Db,
  input: { id: string; learnerId: string; exerciseId: string; exerciseVersion: string; graderVersion: string; code: string },
): Promise<{ created: true; submission: StoredSubmission } | { created: false; existing: StoredSubmission }> {
  const existing = await db.submission.findUnique({ where: { id: input.id } });
  if (!existing) {
    try {
      const row = await db.submission.create({ data: { ...input, codeHash: hashCode(input.code), status: "pending" } });
      return { created: true, submission: toStored(row) };
    } catch (error) {
      // Two copies of one request raced; the other created it.
      if ((error as { code?: string }).code !== "P2002") throw error;
    }
  }
  const row = existing ?? (await db.submission.findUniqueOrThrow({ where: { id: input.id } }));
  if (row.learnerId !== input.learnerId || row.exerciseId !== input.exerciseId) {
    throw new SubmissionConflict("this submission id is already used by a different submission");
  }
  return { created: false, existing: toStored(row) };
}

/**
 * Statuses that are not attempts: still waiting for a grader, or given up on
 * by the grading queue after its attempts ran out ("could not be graded,
 * resubmit"). They count against no limit and towards no score.
 */
export const NOT_ATTEMPTS = ["pending", "not-graded"];

/**
 * Stores the verdict of a pending submission and, in the same transaction,
 * marks the lesson complete when this grade means every graded exercise of
 * the lesson is now passed. Idempotent: grading is delivered at least once
 * (a retried job, a second worker), and only the first verdict is kept, so a
 * submission is never counted twice; later ones get the stored row back.
 */
export async function finishSubmission(
  db: Db,
  input: { id: string; learnerId: string; verdict: Verdict; lesson: { href: string; exerciseIds: string[] } },
): Promise<{ lessonCompleted: boolean; submission: StoredSubmission }> {
  const { verdict } = input;
  return db.$transaction(async (tx) => {
    const { count } = await tx.submission.updateMany({
      where: { id: input.id, status: "pending" },
      data: {
        status: verdict.status,
        score: verdict.score,
        maxScore: verdict.maxScore,
        verdict: JSON.stringify(verdict),
        gradingMs: verdict.durationMs,
        gradedAt: new Date(),
      },
    });
    const submission = toStored(await tx.submission.findUniqueOrThrow({ where: { id: input.id } }));
    if (count === 0 || verdict.status !== "passed") return { lessonCompleted: false, submission };
    // Passed: the lesson is complete once every one of its graded exercises is passed.
    const passed = await tx.submission.findMany({
      where: { learnerId: input.learnerId, exerciseId: { in: input.lesson.exerciseIds }, status: "passed" },
      select: { exerciseId: true },
      distinct: ["exerciseId"],
    });
    if (passed.length < input.lesson.exerciseIds.length) return { lessonCompleted: false, submission };
    await tx.lessonCompletion.upsert({
      where: { learnerId_lessonHref: { learnerId: input.learnerId, lessonHref: input.lesson.href } },
      create: { learnerId: input.learnerId, lessonHref: input.lesson.href },
      update: {},
    });
    return { lessonCompleted: true, submission };
  }, TRANSACTION_LIMITS);
}

/** Whether the learner has completed the lesson (every graded exercise in it passed). */
export async function lessonComplete(db: Db, learnerId: string, lessonHref: string): Promise<boolean> {
  return (await db.lessonCompletion.count({ where: { learnerId, lessonHref } })) > 0;
}

/** Submissions in the last hour, and when the oldest of them leaves that window. */
export async function recentSubmissions(db: Db, learnerId: string, exerciseId: string, now = new Date()): Promise<{ count: number; oldest?: Date }> {
  const since = new Date(now.getTime() - 60 * 60 * 1000);
  // Pending ones count (they are what a burst of requests makes); ones the queue gave up on do not.
  const where = { learnerId, exerciseId, createdAt: { gte: since }, status: { not: "not-graded" } };
  const [count, oldest] = await Promise.all([
    db.submission.count({ where }),
    db.submission.findFirst({ where, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
  ]);
  return { count, oldest: oldest?.createdAt };
}

/** The learner's submissions still waiting for their grade, created since `since`, oldest first (ties by id, so every caller agrees). */
export async function pendingSubmissionIds(db: Db, learnerId: string, since: Date): Promise<string[]> {
  const rows = await db.submission.findMany({
    where: { learnerId, status: "pending", createdAt: { gte: since } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

/** Submissions of every learner waiting for a grade, created since `since`: the grading queue's depth, as every server sees it. */
export async function countPending(db: Db, since: Date): Promise<number> {
  return db.submission.count({ where: { status: "pending", createdAt: { gte: since } } });
}

/** Removes a submission that was refused before it was graded (over a limit, or no room to grade it). */
export async function discardSubmission(db: Db, id: string): Promise<void> {
  await db.submission.deleteMany({ where: { id, status: "pending" } });
}

/** What a grader needs of a stored submission: whose it is, for which exercise, its code, and whether it still waits. */
export async function submissionToGrade(db: Db, id: string) {
  return db.submission.findUnique({ where: { id }, select: { id: true, learnerId: true, exerciseId: true, code: true, status: true } });
}

export async function getSubmission(db: Db, id: string): Promise<StoredSubmission | undefined> {
  const row = await db.submission.findUnique({ where: { id } });
  return row ? toStored(row) : undefined;
}

export type ExerciseState = {
  attempts: number;
  bestScore: number;
  maxScore: number;
  passed: boolean;
  last?: StoredSubmission;
  draft?: { code: string; updatedAt: string };
  revealed: boolean;
  /** How many of the exercise's hints the learner has opened (they open in order). */
  hintsShown: number;
};

export async function exerciseState(db: Db, learnerId: string, exerciseId: string): Promise<ExerciseState> {
  const where = { learnerId, exerciseId, status: { notIn: NOT_ATTEMPTS } };
  const [attempts, best, last, draft, reveal, hintsShown] = await Promise.all([
    db.submission.count({ where }),
    db.submission.findFirst({ where, orderBy: [{ score: "desc" }, { createdAt: "asc" }] }),
    db.submission.findFirst({ where, orderBy: { createdAt: "desc" } }),
    db.draft.findUnique({ where: { learnerId_exerciseId: { learnerId, exerciseId } } }),
    db.solutionReveal.findUnique({ where: { learnerId_exerciseId: { learnerId, exerciseId } } }),
    db.hintView.count({ where: { learnerId, exerciseId } }),
  ]);
  return {
    attempts,
    bestScore: best?.score ?? 0,
    maxScore: best?.maxScore ?? 0,
    passed: best?.status === "passed",
    last: last ? toStored(last) : undefined,
    draft: draft ? { code: draft.code, updatedAt: draft.updatedAt.toISOString() } : undefined,
    revealed: reveal !== null,
    hintsShown,
  };
}

/** The statuses of a submission whose tests all ran to the end. */
const FINISHED_STATUSES = ["passed", "failed"] as const;

/**
 * The code of the learner's submissions whose tests all ran (passed or
 * failed: not a syntax error, a top-level error, a limit or a crash), newest
 * first, one per distinct code: what the solution reveal counts as attempts
 * (lib/exercises/solution-access.ts). At most `limit` of them, since the
 * rule needs only a few and each may be 50,000 characters.
 */
export async function finishedSubmissionCodes(db: Db, learnerId: string, exerciseId: string, limit: number): Promise<string[]> {
  const rows = await db.submission.findMany({
    where: { learnerId, exerciseId, status: { in: [...FINISHED_STATUSES] } },
    orderBy: { createdAt: "desc" },
    distinct: ["codeHash"],
    select: { code: true },
    take: limit,
  });
  return rows.map((row) => row.code);
}

export async function saveDraft(db: Db, learnerId: string, exerciseId: string, code: string): Promise<void> {
  await db.draft.upsert({
    where: { learnerId_exerciseId: { learnerId, exerciseId } },
    create: { learnerId, exerciseId, code },
    update: { code },
  });
}

export async function recordReveal(db: Db, learnerId: string, exerciseId: string): Promise<void> {
  await db.solutionReveal.upsert({
    where: { learnerId_exerciseId: { learnerId, exerciseId } },
    create: { learnerId, exerciseId },
    update: {},
  });
}

/** Records that the learner opened hints 0…hintIndex (hints open in order; reopening is not counted again). */
export async function recordHints(db: Db, learnerId: string, exerciseId: string, hintIndex: number): Promise<void> {
  for (let index = 0; index <= hintIndex; index++) {
    await db.hintView.upsert({
      where: { learnerId_exerciseId_hintIndex: { learnerId, exerciseId, hintIndex: index } },
      create: { learnerId, exerciseId, hintIndex: index },
      update: {},
    });
  }
}

export type CourseProgress = {
  completedLessons: string[];
  exercises: Record<string, { bestScore: number; maxScore: number; passed: boolean }>;
};

export async function courseProgress(db: Db, learnerId: string): Promise<CourseProgress> {
  const [completions, grades] = await Promise.all([
    db.lessonCompletion.findMany({ where: { learnerId }, select: { lessonHref: true } }),
    db.submission.groupBy({ by: ["exerciseId"], where: { learnerId, status: { notIn: NOT_ATTEMPTS } }, _max: { score: true, maxScore: true } }),
  ]);
  const passed = new Set(
    (await db.submission.findMany({ where: { learnerId, status: "passed" }, select: { exerciseId: true }, distinct: ["exerciseId"] })).map((s) => s.exerciseId),
  );
  return {
    completedLessons: completions.map((c) => c.lessonHref),
    exercises: Object.fromEntries(
      grades.map((g) => [g.exerciseId, { bestScore: g._max.score ?? 0, maxScore: g._max.maxScore ?? 0, passed: passed.has(g.exerciseId) }]),
    ),
  };
}

type SubmissionRow = { id: string; exerciseId: string; status: string; score: number; maxScore: number; verdict: string | null; createdAt: Date };

function toStored(row: SubmissionRow): StoredSubmission {
  return {
    id: row.id,
    exerciseId: row.exerciseId,
    status: row.status,
    score: row.score,
    maxScore: row.maxScore,
    verdict: row.verdict ? (JSON.parse(row.verdict) as Verdict) : undefined,
    createdAt: row.createdAt.toISOString(),
  };
}
