/**
 * PostgreSQL mode (npm run test:integration:postgres): submissions are
 * graded through the pg-boss queue by real `npm run worker` processes. The
 * route keeps its contract (200 with the verdict), a retried request is
 * graded and counted once, a worker killed by SIGKILL mid-grade loses
 * nothing, and a job given up on counts for nothing.
 */
import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser, closeApp } from "./app-routes";
import { testDatabase, testPostgresServer } from "./databases";
import { startWorker, stopWorker } from "./workers";

const database = testDatabase("workers");
process.env.DATABASE_URL = database.url;
process.env.DESCENT_SECRET = "a test secret that is long enough to sign cookies";

const solution = readFileSync("content/loss-functions/exercises/losses/solution.ts", "utf8");
const ENDLESS = "while (true) {}";
type Answer = { submission: { id: string; status: string; score: number; maxScore: number }; state: { attempts: number; bestScore: number } };

describe.runIf(testPostgresServer())("grading through the job queue", () => {
  const workers: ChildProcess[] = [];
  beforeAll(async () => {
    await database.migrate();
    workers.push(await startWorker(database.url, 1));
  });
  afterAll(async () => {
    await Promise.all(workers.map((worker) => stopWorker(worker)));
    await closeApp(database);
  });

  it("answers 200 with the worker's verdict; a retried request gets the same grade, counted once", async () => {
    const learner = new Browser();
    const body = { id: crypto.randomUUID(), exerciseId: "losses", code: solution };
    const first = await learner.fetch("POST", "/api/submissions", body);
    expect(first.status, first.text).toBe(200);
    expect(first.json()).toMatchObject({ submission: { id: body.id, status: "passed" }, state: { attempts: 1 } });
    const again = await learner.fetch("POST", "/api/submissions", body);
    expect(again.status).toBe(200);
    expect((again.json() as Answer).submission).toEqual((first.json() as Answer).submission);
    expect((again.json() as Answer).state.attempts).toBe(1);
  });

  it("a worker killed by SIGKILL mid-grade: another worker grades the submission, once", async () => {
    const learner = new Browser();
    const body = { id: crypto.randomUUID(), exerciseId: "losses", code: ENDLESS };
    const answer = learner.fetch("POST", "/api/submissions", body);
    const { db } = await import("@/lib/db/client");
    const { jobQueue } = await import("@/lib/jobs/connection");
    const { QUEUES } = await import("@/lib/jobs/queue");
    // Wait until the only worker holds the job, then kill it without warning.
    const queue = await jobQueue();
    while ((await queue.getJobById(QUEUES.grading, body.id))?.state !== "active") await new Promise((resolve) => setTimeout(resolve, 100));
    await stopWorker(workers.shift()!, "SIGKILL");
    workers.push(await startWorker(database.url, 1));

    const graded = await answer;
    expect(graded.status, graded.text).toBe(200);
    expect(graded.json()).toMatchObject({ submission: { id: body.id, status: "time-limit" }, state: { attempts: 1 } });
    expect((await queue.getJobById(QUEUES.grading, body.id))?.retryCount).toBe(1);
    expect(await db().submission.count({ where: { id: body.id } })).toBe(1);
  }, 120_000);

  it("a submission the queue gave up on says to resubmit, and counts for nothing", async () => {
    const learner = new Browser();
    expect((await learner.fetch("PUT", "/api/exercises/losses/draft", { code: "// draft" })).status).toBe(204);
    const { db } = await import("@/lib/db/client");
    const { startSubmission, exerciseState, recentSubmissions } = await import("@/lib/db/progress");
    const { recordGaveUp } = await import("@/lib/exercises/record-grade");
    const learnerId = (await db().draft.findFirstOrThrow({ where: { code: "// draft" } })).learnerId;
    const id = crypto.randomUUID();
    await startSubmission(db(), { id, learnerId, exerciseId: "losses", exerciseVersion: "v", graderVersion: "g", code: solution });
    await recordGaveUp(db(), id);
    await recordGaveUp(db(), id); // the dead-letter job, delivered twice
    const state = await exerciseState(db(), learnerId, "losses");
    expect(state).toMatchObject({ attempts: 0, bestScore: 0, last: undefined });
    expect((await recentSubmissions(db(), learnerId, "losses")).count).toBe(0);
    const stored = await db().submission.findUniqueOrThrow({ where: { id } });
    expect(stored.status).toBe("not-graded");
    expect(JSON.parse(stored.verdict!)).toMatchObject({ status: "not-graded", message: expect.stringMatching(/Submit it again/) });
  });

  it("reports the workers alive and the queue's depth in its health", async () => {
    const health = await new Browser().fetch("GET", "/api/health");
    expect(health.status).toBe(200);
    // The worker killed above may still count for up to three of its 10 s heartbeats.
    const { grading } = health.json() as { grading: { queue: number; workers: number } };
    expect(health.json()).toMatchObject({ status: "ok", database: "ok", grading: { queue: 0 } });
    expect(grading.workers).toBeGreaterThanOrEqual(1);
  });
});
