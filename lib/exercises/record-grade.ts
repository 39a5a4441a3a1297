import "server-only";
import type { Verdict } from "@/lib/cell-runtime/verdict";
import type { Db } from "@/lib/db/client";
import { finishSubmission, getSubmission, submissionToGrade, type StoredSubmission } from "@/lib/db/progress";
import type { GraderPool } from "@/lib/grading/pool";
import { markScoresToSend } from "@/lib/db/lti-scores";
import { deliverScoresSoon } from "@/lib/lti/score-delivery";
import { getExerciseCatalog } from "./catalog";
import { gradeSubmission } from "./grade";

/**
 * Grades one stored submission and records its verdict: what the web
 * server's own pool does on one machine, and what a worker does with a job
 * from the queue. Idempotent by submission id: a submission already graded
 * (a retried job, a second delivery) is returned as stored, graded again by
 * no one and counted once.
 */
export async function gradeAndRecord(store: Db, pool: GraderPool, submissionId: string, client: string): Promise<StoredSubmission | undefined> {
  const row = await submissionToGrade(store, submissionId);
  if (!row || row.status !== "pending") return row ? getSubmission(store, submissionId) : undefined;
  const catalog = await getExerciseCatalog();
  const exercise = catalog.byId.get(row.exerciseId);
  const verdict = exercise ? await gradeSubmission(pool, exercise, row.code, { client }) : notGraded(`The exercise "${row.exerciseId}" is no longer in the course.`);
  const lesson = exercise ? { href: exercise.lessonHref, exerciseIds: catalog.byLesson.get(exercise.lessonHref) ?? [exercise.id] } : { href: "", exerciseIds: [] };
  const { submission } = await finishSubmission(store, { id: submissionId, learnerId: row.learnerId, verdict, lesson });
  // A class taught through an LMS gets the new grade there too (sent from the outbox, once per value).
  if (await markScoresToSend(store, row.learnerId, row.exerciseId)) deliverScoresSoon(store);
  return submission;
}

/** The verdict of a submission the grading queue gave up on: it counts for nothing, and says what to do. */
export function notGraded(message = "This submission could not be graded: the graders failed on it several times. Submit it again."): Verdict {
  return { status: "not-graded", message, tests: [], score: 0, maxScore: 0, logs: "", durationMs: 0 };
}

/** Records that the queue gave up on a submission (its job's attempts ran out); a submission already graded keeps its grade. */
export async function recordGaveUp(store: Db, submissionId: string): Promise<void> {
  const row = await submissionToGrade(store, submissionId);
  if (!row || row.status !== "pending") return;
  await finishSubmission(store, { id: submissionId, learnerId: row.learnerId, verdict: notGraded(), lesson: { href: "", exerciseIds: [] } });
}
