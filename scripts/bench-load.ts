/**
 * `npm run bench:load` (after `npm run build`): the several-machine setup
 * under a class's deadline rush, with a worker killed in the middle.
 *
 * PostgreSQL mode: two web servers (server.ts) on two ports, the load
 * alternating between them, and two grading workers (scripts/worker.ts), on
 * a database of the run's own. 1,000 submissions from 200 learners, 50 at a
 * time (each learner sends their next once the last is graded, as the page
 * does); the code is a mix of the reference solution, known-wrong solutions
 * and, one in 50, an endless loop that runs into the 10 s time limit. When
 * half are graded, one worker is killed with SIGKILL and started again.
 * Then the database is read back: every submission stored and graded once,
 * and each learner's attempts and best score what they sent and were told.
 *
 * The same load then runs in SQLite mode (one web server grading in its own
 * pool, as on one machine), for comparison. `npm run bench:load -- postgres`
 * or `-- sqlite` runs one mode only.
 *
 * Each prints one line:
 *   submitted 1000, stored 1000, graded 1000, lost 0, double-counted 0, p50 N ms, p95 N ms
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDb } from "@/lib/db/client";
import { exerciseState } from "@/lib/db/progress";
import { applyMigrations } from "@/lib/db/migrate";
import { dropPostgresDatabase } from "@/lib/db/postgres-admin";
import { send } from "./raw-http";

const SUBMISSIONS = 1000;
const LEARNERS = 200;
const CONCURRENCY = 50;
const EXERCISE = "losses";
const POSTGRES_SERVER = process.env.DESCENT_BENCH_POSTGRES || "postgres://postgres@127.0.0.1:5432/postgres";
const SECRET = randomBytes(32).toString("hex");

const exerciseDir = `content/loss-functions/exercises/${EXERCISE}`;
const solution = readFileSync(`${exerciseDir}/solution.ts`, "utf8");
const wrong = readdirSync(`${exerciseDir}/wrong`).map((file) => readFileSync(`${exerciseDir}/wrong/${file}`, "utf8"));
const ENDLESS = "while (true) {}";

/** The n-th submission's code: one in 50 runs into the time limit, the rest alternate right and wrong. */
const codeFor = (n: number) => (n % 50 === 49 ? ENDLESS : n % 2 === 0 ? solution : wrong[n % wrong.length]!);

if (!existsSync(".next/BUILD_ID")) {
  console.error("bench:load: no production build found: run `npm run build` first.");
  process.exit(1);
}

type Outcome = { id: string; learner: number; status: string; score: number; ms: number };

function start(script: string[], env: Record<string, string>, ready: RegExp): Promise<ChildProcess> {
  const child = spawn(process.execPath, script, { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", DESCENT_SECRET: SECRET, ...env }, stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) resolve(child);
    });
    child.once("exit", (code) => reject(new Error(`${script.at(-1)} exited (${code}) before it was ready:\n${output}`)));
  });
}

const WORKER = ["--no-node-snapshot", "--conditions=react-server", "--import", "tsx", "scripts/worker.ts"];
const startWorker = (url: string) => start(WORKER, { DATABASE_URL: url, DESCENT_GRADERS: "1" }, /worker: \d+ graders? on/);
const startServer = (url: string, port: number, graders: number) =>
  start(["--import", "tsx", "server.ts"], { DATABASE_URL: url, PORT: String(port), DESCENT_HOST: "127.0.0.1", DESCENT_GRADERS: String(graders) }, /Descent is serving at/);

async function stop(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill(signal);
  await exited;
}

/** Each learner is a client of their own: an address in 127/8 and a cookie jar of one learner cookie. */
async function runLoad(ports: number[], onHalfway: () => Promise<void>): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let requests = 0;
  let halfway: Promise<void> | undefined;
  const perLearner = SUBMISSIONS / LEARNERS;
  const learners = Array.from({ length: LEARNERS }, (_, learner) => learner);

  async function submitOne(learner: number, n: number, cookie: { value?: string }): Promise<void> {
    const from = `127.0.${10 + Math.floor(learner / 250)}.${(learner % 250) + 1}`;
    const body = JSON.stringify({ id: crypto.randomUUID(), exerciseId: EXERCISE, code: codeFor(n) });
    const started = performance.now();
    for (let tries = 0; ; tries++) {
      const port = ports[requests++ % ports.length]!;
      const headers: Record<string, string> = { origin: `http://127.0.0.1:${port}`, ...(cookie.value ? { cookie: cookie.value } : {}) };
      const answer = await send(port, "POST", "/api/submissions", { from, body, headers });
      const setCookie = answer.headers["set-cookie"]?.find((line) => line.startsWith("descent_learner="));
      if (setCookie) cookie.value = setCookie.split(";")[0];
      if (answer.status === 200) {
        const { submission } = JSON.parse(answer.body) as { submission: { id: string; status: string; score: number } };
        outcomes.push({ id: submission.id, learner, status: submission.status, score: submission.score, ms: performance.now() - started });
        if (outcomes.length === SUBMISSIONS / 2) halfway = onHalfway();
        return;
      }
      // 202: still grading, ask again (the server waits up to a minute); 429/503: wait as told and send it again.
      if (tries > 50) throw new Error(`submission ${n} of learner ${learner}: ${answer.status} ${answer.body}`);
      if (answer.status !== 202) await new Promise((resolve) => setTimeout(resolve, 1000 * Number(answer.headers["retry-after"] ?? 1)));
    }
  }

  async function runner(): Promise<void> {
    for (let learner = learners.shift(); learner !== undefined; learner = learners.shift()) {
      const cookie: { value?: string } = {};
      for (let k = 0; k < perLearner; k++) await submitOne(learner, learner * perLearner + k, cookie);
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, runner));
  await halfway;
  return outcomes;
}

/** Reads the database back: is every submission stored and graded once, and does each learner see what they sent? */
async function check(url: string, outcomes: Outcome[]): Promise<{ stored: number; graded: number; doubleCounted: number }> {
  const db = createDb(url);
  try {
    const ids = outcomes.map((outcome) => outcome.id);
    const rows = await db.submission.findMany({ where: { id: { in: ids } }, select: { id: true, learnerId: true, status: true, score: true } });
    const graded = rows.filter((row) => row.status !== "pending" && row.status !== "not-graded");
    const told = new Map(outcomes.map((outcome) => [outcome.id, outcome]));
    // A grade stored other than the learner was told, or a learner whose attempts or best score differ from what they sent.
    let doubleCounted = graded.filter((row) => told.get(row.id)!.status !== row.status || told.get(row.id)!.score !== row.score).length;
    const byLearner = Map.groupBy(graded, (row) => row.learnerId);
    for (const [learnerId, theirs] of byLearner) {
      const state = await exerciseState(db, learnerId, EXERCISE);
      const best = Math.max(...theirs.map((row) => told.get(row.id)!.score));
      if (state.attempts !== theirs.length || state.bestScore !== best) doubleCounted++;
    }
    const learnerRows = await db.submission.count({ where: { learnerId: { in: [...byLearner.keys()] } } });
    doubleCounted += learnerRows - rows.length; // any row no request made
    return { stored: rows.length, graded: graded.length, doubleCounted };
  } finally {
    await db.$disconnect();
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

function report(mode: string, outcomes: Outcome[], counts: { stored: number; graded: number; doubleCounted: number }, seconds: number): void {
  const latencies = outcomes.map((outcome) => outcome.ms).sort((a, b) => a - b);
  const statuses = Object.entries(Object.groupBy(outcomes, (outcome) => outcome.status)).map(([status, list]) => `${status} ${list!.length}`).join(", ");
  console.log(`bench:load ${mode}: ${statuses}; ${seconds.toFixed(0)} s in all`);
  console.log(
    `submitted ${SUBMISSIONS}, stored ${counts.stored}, graded ${counts.graded}, lost ${SUBMISSIONS - counts.graded}, double-counted ${counts.doubleCounted}, ` +
      `p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms`,
  );
}

async function postgresRun(): Promise<void> {
  const url = new URL(POSTGRES_SERVER);
  url.pathname = `/descent_bench_load_${randomBytes(4).toString("hex")}`;
  const database = url.toString();
  await applyMigrations(database);
  const children: ChildProcess[] = [];
  try {
    // Two apart: each server's kernel origin takes the next port (server.ts).
    const ports = [3601, 3603];
    children.push(...(await Promise.all(ports.map((port) => startServer(database, port, 1)))));
    const workers = await Promise.all([startWorker(database), startWorker(database)]);
    children.push(...workers);
    console.log(`bench:load postgres: 2 web servers (ports ${ports.join(", ")}), 2 workers of 1 grader each, ${LEARNERS} learners, ${CONCURRENCY} at a time`);
    const started = performance.now();
    const outcomes = await runLoad(ports, async () => {
      const victim = workers[0]!;
      await stop(victim, "SIGKILL");
      console.log(`bench:load postgres: half graded; worker pid ${victim.pid} killed with SIGKILL, and started again`);
      children.push(await startWorker(database));
    });
    const seconds = (performance.now() - started) / 1000;
    report("postgres", outcomes, await check(database, outcomes), seconds);
  } finally {
    await Promise.all(children.map((child) => stop(child)));
    await dropPostgresDatabase(database);
  }
}

async function sqliteRun(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "descent-bench-load-"));
  const database = `file:${path.join(dir, "load.db")}`;
  await applyMigrations(database);
  const server = await startServer(database, 3605, 2);
  try {
    console.log(`bench:load sqlite: 1 web server grading in its own pool of 2 graders, ${LEARNERS} learners, ${CONCURRENCY} at a time`);
    const started = performance.now();
    const outcomes = await runLoad([3605], async () => {});
    const seconds = (performance.now() - started) / 1000;
    report("sqlite", outcomes, await check(database, outcomes), seconds);
  } finally {
    await stop(server);
    rmSync(dir, { recursive: true, force: true });
  }
}

const only = process.argv[2];
if (only !== "sqlite") await postgresRun();
if (only !== "postgres") await sqliteRun();
