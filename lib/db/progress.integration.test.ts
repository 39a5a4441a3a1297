/** The storage layer against a real database (SQLite, or PostgreSQL with DESCENT_TEST_POSTGRES), migrated by the real migrations. */
import { readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Verdict } from "@/lib/cell-runtime/verdict";
import { createDb, type Db } from "./client";
import { databaseTarget } from "./config";
import { SCHEMA_FILES } from "./schema-files";
import { testDatabase } from "@/test/databases";
import {
  courseProgress,
  exerciseState,
  finishSubmission,
  recordReveal,
  saveDraft,
  startSubmission,
  SubmissionConflict,
  touchLearner,
} from "./progress";

const database = testDatabase("progress");
let db: Db;

const verdict = (score: number, maxScore = 4): Verdict => ({
  status: score === maxScore ? "passed" : "failed",
  tests: [{ name: "t", hidden: false, points: score, maxPoints: maxScore, passed: score === maxScore }],
  score,
  maxScore,
  logs: "",
  durationMs: 12,
});
const submission = (id: string, learnerId: string, exerciseId = "losses") => ({
  id,
  learnerId,
  exerciseId,
  exerciseVersion: "v1",
  graderVersion: "g1",
  code: `// ${id}`,
});
const lesson = { href: "/learn/loss-functions/measuring-error", exerciseIds: ["losses", "other"] };

beforeAll(async () => {
  const provider = databaseTarget(database.url).provider;
  const migrations = readdirSync(SCHEMA_FILES[provider].migrations, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  expect(await database.migrate()).toEqual(migrations);
  // Applying again is a no-op: the server runs it on every start.
  expect(await database.migrate()).toEqual([]);
  db = createDb(database.url);
  await touchLearner(db, "ada");
  await touchLearner(db, "bob");
});

afterAll(async () => {
  await db.$disconnect();
  await database.remove();
});

describe("submissions", () => {
  it("are stored once however often the same request is retried", async () => {
    expect(await startSubmission(db, submission("s1", "ada"))).toMatchObject({ created: true, submission: { id: "s1", status: "pending" } });
    const retry = await startSubmission(db, submission("s1", "ada"));
    expect(retry).toMatchObject({ created: false, existing: { id: "s1", status: "pending" } });
    await finishSubmission(db, { id: "s1", learnerId: "ada", verdict: verdict(2), lesson });
    const afterGrading = await startSubmission(db, submission("s1", "ada"));
    expect(afterGrading).toMatchObject({ created: false, existing: { status: "failed", score: 2, verdict: { score: 2 } } });
    expect(await db.submission.count({ where: { id: "s1" } })).toBe(1);
  });

  it("are stored once when two copies of a request race", async () => {
    const results = await Promise.all([startSubmission(db, submission("race", "ada")), startSubmission(db, submission("race", "ada"))]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await db.submission.count({ where: { id: "race" } })).toBe(1);
    await finishSubmission(db, { id: "race", learnerId: "ada", verdict: verdict(1), lesson });
  });

  it("refuse an id another learner already used", async () => {
    await expect(startSubmission(db, submission("s1", "bob"))).rejects.toBeInstanceOf(SubmissionConflict);
  });

  it("give attempts, best score and the latest verdict", async () => {
    await startSubmission(db, submission("s2", "ada"));
    await finishSubmission(db, { id: "s2", learnerId: "ada", verdict: verdict(3), lesson });
    await startSubmission(db, submission("s3", "ada"));
    await finishSubmission(db, { id: "s3", learnerId: "ada", verdict: verdict(0), lesson });
    await startSubmission(db, submission("pending", "ada"));
    const state = await exerciseState(db, "ada", "losses");
    expect(state).toMatchObject({ attempts: 4, bestScore: 3, maxScore: 4, passed: false, last: { id: "s3", score: 0 }, revealed: false });
  });
});

describe("lesson completion", () => {
  it("comes when every graded exercise of the lesson is passed, in the same transaction as the grade", async () => {
    await startSubmission(db, submission("p1", "bob", "losses"));
    expect(await finishSubmission(db, { id: "p1", learnerId: "bob", verdict: verdict(4), lesson })).toMatchObject({ lessonCompleted: false });
    await startSubmission(db, submission("p2", "bob", "other"));
    expect(await finishSubmission(db, { id: "p2", learnerId: "bob", verdict: verdict(4), lesson })).toMatchObject({ lessonCompleted: true, submission: { id: "p2", status: "passed" } });
    const progress = await courseProgress(db, "bob");
    expect(progress.completedLessons).toEqual([lesson.href]);
    expect(progress.exercises).toEqual({ losses: { bestScore: 4, maxScore: 4, passed: true }, other: { bestScore: 4, maxScore: 4, passed: true } });
    expect((await courseProgress(db, "ada")).completedLessons).toEqual([]);
  });
});

describe("drafts and reveals", () => {
  it("keep the latest draft per learner and exercise", async () => {
    await saveDraft(db, "ada", "losses", "first");
    await saveDraft(db, "ada", "losses", "second");
    await saveDraft(db, "bob", "losses", "bob's");
    expect((await exerciseState(db, "ada", "losses")).draft?.code).toBe("second");
    expect((await exerciseState(db, "bob", "losses")).draft?.code).toBe("bob's");
  });

  it("record a solution reveal once", async () => {
    await recordReveal(db, "ada", "losses");
    await recordReveal(db, "ada", "losses");
    expect((await exerciseState(db, "ada", "losses")).revealed).toBe(true);
    expect(await db.solutionReveal.count()).toBe(1);
  });
});

describe("concurrency", () => {
  it("serves many learners writing at once without lock errors", async () => {
    // One client per server process, as in production: Prisma queues its transactions, and WAL lets reads go on meanwhile.
    const learners = Array.from({ length: 40 }, (_, i) => `learner-${i}`);
    await Promise.all(
      learners.map(async (learner, i) => {
        await touchLearner(db, learner);
        await saveDraft(db, learner, "losses", "x");
        await startSubmission(db, submission(`c-${i}`, learner));
        await Promise.all([
          finishSubmission(db, { id: `c-${i}`, learnerId: learner, verdict: verdict(4), lesson }),
          exerciseState(db, learner, "losses"),
          courseProgress(db, learner),
        ]);
      }),
    );
    expect(await db.submission.count({ where: { id: { startsWith: "c-" }, status: "passed" } })).toBe(40);
  });
});
