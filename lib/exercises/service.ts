import "server-only";
import { ApiError } from "@/lib/api/http";
import { db } from "@/lib/db/client";
import {
  exerciseState,
  finishSubmission,
  getSubmission,
  recentSubmissions,
  startSubmission,
  SubmissionConflict,
  touchLearner,
  type ExerciseState,
  type StoredSubmission,
} from "@/lib/db/progress";
import { getExerciseCatalog, type ExerciseCatalog, type PlacedExercise } from "./catalog";
import { gradeSubmission } from "./grade";
import { graderPool, graderVersion } from "./grader";

/** How long a retried request waits for its first copy's grade before answering "still grading". */
const PENDING_WAIT_MS = 60_000;

export async function findExercise(id: string, catalog?: ExerciseCatalog): Promise<PlacedExercise> {
  const exercise = (catalog ?? (await getExerciseCatalog())).byId.get(id);
  if (!exercise) throw new ApiError(404, `There is no exercise "${id}".`);
  return exercise;
}

export type SubmitResult = { submission: StoredSubmission; state: ExerciseState; lessonCompleted: boolean; replayed: boolean };

/**
 * TRUST BOUNDARY: the grade comes only from the server's sandbox; nothing
 * the browser says about its own score is read. Idempotent on `id`.
 */
export async function submit(learnerId: string, input: { id: string; exerciseId: string; code: string }): Promise<SubmitResult> {
  const catalog = await getExerciseCatalog();
  const exercise = await findExercise(input.exerciseId, catalog);
  const store = db();
  await touchLearner(store, learnerId);
  await enforceSubmissionLimit(learnerId, input.id, exercise);
  let started;
  try {
    started = await startSubmission(store, {
      ...input,
      learnerId,
      exerciseVersion: exercise.version,
      graderVersion: graderVersion(),
    });
  } catch (error) {
    if (error instanceof SubmissionConflict) throw new ApiError(409, error.message);
    throw error;
  }

  let lessonCompleted = false;
  let submission: StoredSubmission | undefined;
  if (started.created) {
    const verdict = await gradeSubmission(graderPool(), exercise, input.code);
    const lesson = { href: exercise.lessonHref, exerciseIds: catalog.byLesson.get(exercise.lessonHref) ?? [exercise.id] };
    ({ lessonCompleted } = await finishSubmission(store, { id: input.id, learnerId, verdict, lesson }));
    submission = await getSubmission(store, input.id);
  } else {
    submission = await waitForGrade(input.id, started.existing);
  }
  return { submission: submission!, state: await exerciseState(store, learnerId, exercise.id), lessonCompleted, replayed: !started.created };
}

/**
 * The author's per-hour limit, so the grader cannot be used as an oracle for
 * the hidden tests. A retry of a submission already made is not a new one.
 */
async function enforceSubmissionLimit(learnerId: string, submissionId: string, exercise: PlacedExercise): Promise<void> {
  if (await getSubmission(db(), submissionId)) return;
  const { count, oldest } = await recentSubmissions(db(), learnerId, exercise.id);
  if (count < exercise.submissionsPerHour) return;
  const minutes = oldest ? Math.max(1, Math.ceil((oldest.getTime() + 3_600_000 - Date.now()) / 60_000)) : 60;
  throw new ApiError(429, `You have submitted this exercise ${count} times in the last hour, its limit. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}; meanwhile Check runs the public tests as often as you like.`);
}

async function waitForGrade(id: string, first: StoredSubmission): Promise<StoredSubmission> {
  let current = first;
  const giveUp = Date.now() + PENDING_WAIT_MS;
  while (current.status === "pending" && Date.now() < giveUp) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    current = (await getSubmission(db(), id)) ?? current;
  }
  return current;
}
