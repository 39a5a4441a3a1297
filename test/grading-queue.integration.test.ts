/**
 * Grading stays fair under abuse, through the submission route with the real
 * graders and a real SQLite file: one pending submission per learner, a
 * bounded queue shared in turn between client addresses, and 503 with
 * Retry-After when it is full. Each hostile case is followed by a correct
 * submission that is graded correctly.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase, testPostgresServer } from "@/test/databases";
import { Browser, CLIENT_ADDRESS_HEADER, closeApp } from "./app-routes";

const database = testDatabase("queue");
process.env.DATABASE_URL = database.url;
process.env.DESCENT_SECRET = "a test secret that is long enough to sign cookies";
// Two graders; four submissions may wait, two of them from one client address.
process.env.DESCENT_GRADERS = "2";
process.env.DESCENT_GRADING_QUEUE = "4";
const METRICS_TOKEN = "a-metrics-token-for-the-test";
process.env.DESCENT_METRICS_TOKEN = METRICS_TOKEN;

const solution = readFileSync("content/loss-functions/exercises/losses/solution.ts", "utf8");
const TIME_LIMIT_MS = 10_000; // the losses exercise's own limit (exercise.yaml)
const ENDLESS = "while (true) {}";

type Answer = Awaited<ReturnType<Browser["fetch"]>>;
const submit = (browser: Browser, client: string, code: string): Promise<Answer> =>
  browser.fetch("POST", "/api/submissions", { id: crypto.randomUUID(), exerciseId: "losses", code }, { [CLIENT_ADDRESS_HEADER]: client });
const statusOf = (answer: Answer) => (answer.json() as { submission: { status: string; score: number; maxScore: number } }).submission;

beforeAll(async () => {
  await database.migrate();
});

afterAll(() => closeApp(database));

// The one-machine queue, inside this process's grader pool. PostgreSQL mode queues through pg-boss and workers:
// test/grading-worker.integration.test.ts.
describe.skipIf(testPostgresServer())("the grading queue", () => {
  it("grades one submission per learner at a time, and the refused one counts for nothing", async () => {
    const learner = new Browser();
    expect((await learner.fetch("PUT", "/api/exercises/losses/draft", { code: "// first draft" })).status).toBe(204); // the learner's cookie
    const [first, second] = await Promise.all([submit(learner, "192.0.2.1", solution), submit(learner, "192.0.2.1", solution)]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([200, 429]);
    const refused = first.status === 429 ? first : second;
    expect((refused.json() as { error: string }).error).toMatch(/previous submission is still being graded/);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    const graded = await submit(learner, "192.0.2.1", solution);
    expect(graded.status).toBe(200);
    expect(statusOf(graded)).toMatchObject({ status: "passed", score: 9, maxScore: 9 });
    const progress = (await learner.fetch("GET", "/api/exercises/losses")).json() as { state: { attempts: number } };
    expect(progress.state.attempts).toBe(2);
  });

  it("serves clients in turn when one floods it, and answers 429, then 503 with Retry-After, when there is no room", async () => {
    // 300 endless loops from one address, each from a fresh cookie: two run, two wait (its share), the rest are refused at once.
    // Both graders up first (on a loaded machine the second may still be starting), so that two flood jobs run.
    const { graderPool } = await import("@/lib/exercises/grader");
    while (graderPool().ready < 2) await new Promise((resolve) => setTimeout(resolve, 100));
    const FLOOD = 300;
    let answered = 0;
    const flood = Array.from({ length: FLOOD }, () => submit(new Browser(), "203.0.113.66", ENDLESS).then((answer) => ((answered += 1), answer)));
    while (answered < FLOOD - 4) await new Promise((resolve) => setTimeout(resolve, 100));
    const refusedAtOnce = await Promise.all(flood.map((answer) => Promise.race([answer, new Promise<undefined>((resolve) => setTimeout(resolve, 50))])));
    const shareFull = refusedAtOnce.filter((answer) => answer?.status === 429);
    // Two run and two wait (a grader that a job crashed on start would leave one running: at most one fewer).
    expect(shareFull.length).toBeGreaterThanOrEqual(FLOOD - 4);
    expect(shareFull.length).toBeLessThanOrEqual(FLOOD - 3);
    expect(shareFull.every((answer) => /This network already has as many submissions waiting/.test((answer!.json() as { error: string }).error))).toBe(true);

    // A learner from another address: queued behind at most one time limit, not behind the flood.
    const started = performance.now();
    const learner = submit(new Browser(), "198.51.100.7", solution);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // A third address takes the last place; a fourth finds the queue full.
    const third = submit(new Browser(), "198.51.100.8", ENDLESS);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const full = await submit(new Browser(), "198.51.100.9", solution);
    expect(full.status).toBe(503);
    expect((full.json() as { error: string }).error).toMatch(/queue is full/);
    expect(Number(full.headers.get("retry-after"))).toBeGreaterThanOrEqual(TIME_LIMIT_MS / 1000);

    const graded = await learner;
    const waited = performance.now() - started;
    expect(graded.status).toBe(200);
    expect(statusOf(graded)).toMatchObject({ status: "passed", score: 9 });
    expect(waited).toBeLessThan(TIME_LIMIT_MS + 5_000);
    // The rest of the flood and the third address's loop are left to the time limit; closing the pool ends them.
    void third;
  }, 60_000);

  it("reports its health, and its metrics to the operator only", async () => {
    const health = await new Browser().fetch("GET", "/api/health");
    expect(health.status).toBe(200);
    expect(health.json()).toMatchObject({ status: "ok", database: "ok", grading: { graders: 2 } });

    const operator = { [CLIENT_ADDRESS_HEADER]: "127.0.0.1" };
    expect((await new Browser().fetch("GET", "/api/metrics", undefined, operator)).status).toBe(403);
    expect((await new Browser().fetch("GET", "/api/metrics", undefined, { ...operator, authorization: "Bearer not-the-token-at-all" })).status).toBe(403);
    const scraped = await new Browser().fetch("GET", "/api/metrics", undefined, { authorization: `Bearer ${METRICS_TOKEN}` });
    expect(scraped.status).toBe(200);
    expect(scraped.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(scraped.text).toMatch(/^descent_verdicts_total\{status="passed"\} [1-9]/m);
    expect(scraped.text).toMatch(/^descent_rate_limit_refusals_total\{limit="grading-queue-client-share"\} [1-9]/m);
    expect(scraped.text).toMatch(/^descent_rate_limit_refusals_total\{limit="grading-queue-full"\} 1$/m);
    expect(scraped.text).toMatch(/^descent_grading_seconds_count\{status="passed"\} [1-9]/m);
    expect(scraped.text).toMatch(/^descent_grading_queue_depth [0-9]+$/m);
  });
});
