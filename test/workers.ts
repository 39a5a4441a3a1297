/**
 * Grading workers for integration tests in PostgreSQL mode: the real
 * `npm run worker` process (scripts/worker.ts) on the test's database.
 * With SQLite the web server grades in its own pool, and none is started.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { beforeAll } from "vitest";
import type { TestDatabase } from "./databases";

export const WORKER_COMMAND = ["--no-node-snapshot", "--conditions=react-server", "--import", "tsx", "scripts/worker.ts"];

/** Starts a worker on `url` and resolves once it takes jobs. */
export async function startWorker(url: string, graders = 1): Promise<ChildProcess> {
  const worker = spawn(process.execPath, WORKER_COMMAND, {
    env: { ...process.env, DATABASE_URL: url, DESCENT_GRADERS: String(graders), NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    worker.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (/worker: \d+ graders? on/.test(output)) resolve();
    });
    worker.once("exit", (code) => reject(new Error(`the worker exited (${code}) before it started:\n${output}`)));
  });
  return worker;
}

export async function stopWorker(worker: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (worker.exitCode !== null || worker.signalCode !== null) return;
  const exited = once(worker, "exit");
  worker.kill(signal);
  await exited;
}

/**
 * In PostgreSQL mode, one worker for the file's tests: call it before the
 * file's own beforeAll. It migrates the database, starts the worker, and
 * stops it when the database is removed.
 */
export function workerWhenQueued(database: TestDatabase, graders = 2): void {
  if (!database.url.startsWith("postgres")) return;
  beforeAll(async () => {
    await database.migrate();
    const worker = await startWorker(database.url, graders);
    database.beforeRemove(() => stopWorker(worker));
  });
}
