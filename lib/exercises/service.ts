import "server-only";
import { ApiError } from "@/lib/api/http";
import { db } from "@/lib/db/client";
import {
  courseProgress,
  discardSubmission,
  exerciseState,
  finishSubmission,
  getSubmission,
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
import { gradeSubmission } from "./grade";
import { graderVersion } from "@/lib/grading/grader-version";
import { graderPool } from "./grader";
import { QueueFull } from "@/lib/grading/pool";
import { metrics } from "@/lib/metrics/metrics";
import { refusal, solutionAccess, type SolutionAccess } from "./solution-access";

/**
 * What a learner does with an exercise: every rule the exercise routes
 * apply, so a route only checks its input and says who is asking.
 */

/** How long a retried request waits for its first copy's grade before answering "still grading". */
const PENDING_WAIT_MS = 60_000;

/**
 * Pending rows older than this, or than this process, are not waiting for
 * anything: their grading ended with a server that stopped. They no longer
 * hold the learner's one place in the queue.
 */
const PENDING_STALE_MS = 15 * 60_000;
const PROCESS_STARTED = new Date();

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
 * retried request gets its first copy's grade. The submission row is read
 * once (by startSubmission); creating and grading it return it.
 */
export async function submit(learnerId: string, input: { id: string; exerciseId: string; code: string }, client = ""): Promise<SubmitResult> {
  const catalog = await getExerciseCatalog();
  const exercise = await findExercise(input.exerciseId, catalog);
  const store = db();
  await touchLearner(store, learnerId);
  let started;
  try {
    started = await startSubmission(store, { ...input, learnerId, exerciseVersion: exercise.version, graderVersion: graderVersion() });
  } catch (error) {
    if (error instanceof SubmissionConflict) throw new ApiError(409, error.message);
    throw error;
  }
  if (!started.created) {
    const submission = await waitForGrade(input.id, started.existing);
    return { submission, state: await exerciseState(store, learnerId, exercise.id), lessonCompleted: false, replayed: true };
  }

  let verdict;
  const arrived = performance.now();
  try {
    await enforceOnePending(learnerId, input.id);
    await enforceSubmissionLimit(learnerId, input.id, exercise);
    verdict = await gradeSubmission(graderPool(), exercise, input.code, { client });
  } catch (error) {
    // Refused or not graded: the submission is removed, so it counts against no limit and holds no place.
    await discardSubmission(store, input.id);
    if (error instanceof QueueFull) {
      metrics().refusals.inc({ limit: error.clientShareFull ? "grading-queue-client-share" : "grading-queue-full" });
      throw queueFullError(error);
    }
    if (error instanceof ApiError && error.status === 429) metrics().refusals.inc({ limit: "submissions-per-learner" });
    throw error;
  }
  metrics().gradingSeconds.observe({ status: verdict.status }, (performance.now() - arrived) / 1000);
  metrics().verdicts.inc({ status: verdict.status });
  const lesson = { href: exercise.lessonHref, exerciseIds: catalog.byLesson.get(exercise.lessonHref) ?? [exercise.id] };
  const { submission, lessonCompleted } = await finishSubmission(store, { id: input.id, learnerId, verdict, lesson });
  return { submission, state: await exerciseState(store, learnerId, exercise.id), lessonCompleted, replayed: false };
}

/**
 * One submission per learner in the grading queue at a time: the next waits
 * for this one's grade. Counted after the new one is stored (as the hourly
 * limit is), so of two sent at once exactly the older is graded.
 */
async function enforceOnePending(learnerId: string, submissionId: string): Promise<void> {
  const since = new Date(Math.max(PROCESS_STARTED.getTime(), Date.now() - PENDING_STALE_MS));
  const [first] = await pendingSubmissionIds(db(), learnerId, since);
  if (first === undefined || first === submissionId) return;
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
  const minutes = oldest ? Math.max(1, Math.ceil((oldest.getTime() + 3_600_000 - Date.now()) / 60_000)) : 60;
  throw new ApiError(429, `You have submitted this exercise ${exercise.submissionsPerHour} times in the last hour, its limit. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}; meanwhile Check runs the public tests as often as you like.`);
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
