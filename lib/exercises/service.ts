import "server-only";
import { ApiError } from "@/lib/api/http";
import { db } from "@/lib/db/client";
import {
  courseProgress,
  discardSubmission,
  exerciseState,
  lessonComplete,
  pendingSubmissionIds,
  recentSubmissions,
  recordHints,
  recordReveal,
  saveDraft as storeDraft,
  startSubmission,
  SubmissionConflict,
  touchLearner,
  type CourseProgress,
  type ExerciseState,
  type StoredSubmission,
} from "@/lib/db/progress";
import { getExerciseCatalog, type ExerciseCatalog, type PlacedExercise } from "./catalog";
import { graderVersion } from "@/lib/grading/grader-version";
import { QueueFull } from "@/lib/grading/pool";
import { submissionGrading } from "./grading";
import { metrics } from "@/lib/metrics/metrics";
import { refusal, solutionAccess, type SolutionAccess } from "./solution-access";

/**
 * What a learner does with an exercise: every rule the exercise routes
 * apply, so a route only checks its input and says who is asking.
 */

/** How long a request waits for a grade before answering "still grading" (202); the page then asks again. */
const PENDING_WAIT_MS = 55_000;

const NO_PROGRESS: ExerciseState = { attempts: 0, bestScore: 0, maxScore: 0, passed: false, revealed: false, hintsShown: 0 };

export async function findExercise(id: string, catalog?: ExerciseCatalog): Promise<PlacedExercise> {
  const exercise = (catalog ?? (await getExerciseCatalog())).byId.get(id);
  if (!exercise) throw new ApiError(404, `There is no exercise "${id}".`);
  return exercise;
}

/** The course page's progress: completed lessons and, per lesson, its exercises and the learner's best scores. */
export async function courseProgressView(learnerId: string | undefined): Promise<CourseProgress & { lessons: Record<string, string[]> }> {
  const catalog = await getExerciseCatalog();
  const progress = learnerId ? await courseProgress(db(), learnerId) : { completedLessons: [], exercises: {} };
  return { ...progress, lessons: Object.fromEntries(catalog.byLesson) };
}

/** The learner's state on one exercise: attempts, best score, last verdict, draft, whether the solution may be revealed, and the solution once revealed. */
export async function exerciseView(
  learnerId: string | undefined,
  exerciseId: string,
): Promise<{ state: ExerciseState; access: SolutionAccess; solution?: string }> {
  const exercise = await findExercise(exerciseId);
  if (!learnerId) return { state: NO_PROGRESS, access: await solutionAccess(exercise, undefined) };
  const state = await exerciseState(db(), learnerId, exercise.id);
  return { state, access: await solutionAccess(exercise, learnerId, state), solution: state.revealed ? exercise.solution : undefined };
}

/** Saves the learner's code as they type. */
export async function saveDraft(learnerId: string, exerciseId: string, code: string): Promise<void> {
  const exercise = await findExercise(exerciseId);
  await touchLearner(db(), learnerId);
  await storeDraft(db(), learnerId, exercise.id, code);
}

/** Records that the learner opened hint `index` (and so every hint before it). */
export async function recordHint(learnerId: string, exerciseId: string, index: number): Promise<void> {
  const exercise = await findExercise(exerciseId);
  if (index >= exercise.hints.length) throw new ApiError(400, `This exercise has ${exercise.hints.length} hints; index must be below that.`);
  await touchLearner(db(), learnerId);
  await recordHints(db(), learnerId, exercise.id, index);
}

/**
 * The reference solution, once the learner has passed, or has an account and
 * made the attempts the author asks for (the rules: solution-access.ts); the
 * reveal is recorded.
 */
export async function revealSolution(learnerId: string | undefined, exerciseId: string): Promise<string> {
  const exercise = await findExercise(exerciseId);
  if (!learnerId) throw refusal({ open: false, needs: "sign-in" }, exercise);
  const access = await solutionAccess(exercise, learnerId);
  if (!access.open) throw refusal(access, exercise);
  await recordReveal(db(), learnerId, exercise.id);
  return exercise.solution;
}

export type SubmitResult = { submission: StoredSubmission; state: ExerciseState; lessonCompleted: boolean; replayed: boolean };

/**
 * TRUST BOUNDARY: the grade comes only from the server's sandbox; nothing
 * the browser says about its own score is read. Idempotent on `id`: a
 * retried request gets its first copy's grade. The grade is waited for up to
 * a minute; a submission still pending then is answered as such (202) and
 * the page asks again with the same id.
 */
export async function submit(learnerId: string, input: { id: string; exerciseId: string; code: string }, client = ""): Promise<SubmitResult> {
  const exercise = await findExercise(input.exerciseId);
  const store = db();
  const grading = submissionGrading();
  await touchLearner(store, learnerId);
  let started;
  try {
    started = await startSubmission(store, { ...input, learnerId, exerciseVersion: exercise.version, graderVersion: graderVersion() });
  } catch (error) {
    if (error instanceof SubmissionConflict) throw new ApiError(409, error.message);
    throw error;
  }
  if (!started.created) {
    const submission = (await grading.settled(input.id, PENDING_WAIT_MS)) ?? started.existing;
    // A grade that came while this request waited (the first one was answered 202) is counted here.
    if (started.existing.status === "pending" && submission.status !== "pending") metrics().verdicts.inc({ status: submission.status });
    return { submission, ...(await afterGrade(learnerId, exercise, submission)), replayed: true };
  }

  const arrived = performance.now();
  let submission;
  try {
    await enforceOnePending(learnerId, input.id, grading.orphanedBefore());
    await enforceSubmissionLimit(learnerId, input.id, exercise);
    submission = await grading.grade(input.id, client, PENDING_WAIT_MS);
  } catch (error) {
    if (error instanceof QueueFull) {
      metrics().refusals.inc({ limit: error.clientShareFull ? "grading-queue-client-share" : "grading-queue-full" });
      throw queueFullError(error);
    }
    if (error instanceof ApiError && error.status === 429) metrics().refusals.inc({ limit: "submissions-per-learner" });
    throw error;
  }
  // Counted where the learner gets the grade: the web server, whichever machine graded it.
  if (submission.status !== "pending") {
    metrics().gradingSeconds.observe({ status: submission.status }, (performance.now() - arrived) / 1000);
    metrics().verdicts.inc({ status: submission.status });
  }
  return { submission, ...(await afterGrade(learnerId, exercise, submission)), replayed: false };
}

/** The learner's state on the exercise after a grade, and whether that grade completed the lesson. */
async function afterGrade(learnerId: string, exercise: PlacedExercise, submission: StoredSubmission): Promise<{ state: ExerciseState; lessonCompleted: boolean }> {
  const [state, lessonDone] = await Promise.all([
    exerciseState(db(), learnerId, exercise.id),
    submission.status === "passed" ? lessonComplete(db(), learnerId, exercise.lessonHref) : false,
  ]);
  return { state, lessonCompleted: lessonDone };
}

/**
 * One submission per learner in the grading queue at a time: the next waits
 * for this one's grade. Counted after the new one is stored (as the hourly
 * limit is), so of two sent at once exactly the older is graded. A refused
 * submission is removed: it counts against no limit and holds no place.
 */
async function enforceOnePending(learnerId: string, submissionId: string, since: Date): Promise<void> {
  const [first] = await pendingSubmissionIds(db(), learnerId, since);
  if (first === undefined || first === submissionId) return;
  await discardSubmission(db(), submissionId);
  throw new ApiError(429, "Your previous submission is still being graded. Wait for its grade, then submit again.", { "Retry-After": "5" });
}

function queueFullError(error: QueueFull): ApiError {
  const seconds = Math.ceil(error.retryAfterMs / 1000);
  const headers = { "Retry-After": String(seconds) };
  if (error.clientShareFull) {
    return new ApiError(429, `This network already has as many submissions waiting for a grader as it may. Try again in ${seconds} seconds; meanwhile Check runs the public tests.`, headers);
  }
  return new ApiError(503, `Every grader is busy and the queue is full. Try again in ${seconds} seconds; meanwhile Check runs the public tests.`, headers);
}

/**
 * The author's per-hour limit, so the grader cannot be used as an oracle for
 * the hidden tests. Counted after the new submission is stored, so requests
 * sent in parallel cannot all pass a check made before any of them was
 * stored; one over the limit is removed again and refused.
 */
async function enforceSubmissionLimit(learnerId: string, submissionId: string, exercise: PlacedExercise): Promise<void> {
  const { count, oldest } = await recentSubmissions(db(), learnerId, exercise.id);
  if (count <= exercise.submissionsPerHour) return;
  await discardSubmission(db(), submissionId);
  const minutes = oldest ? Math.max(1, Math.ceil((oldest.getTime() + 3_600_000 - Date.now()) / 60_000)) : 60;
  throw new ApiError(429, `You have submitted this exercise ${exercise.submissionsPerHour} times in the last hour, its limit. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}; meanwhile Check runs the public tests as often as you like.`);
}
