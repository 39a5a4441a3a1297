/**
 * A grader process: one of the grader pool's children (see pool.ts), bundled by
 * `npm run assets` into .processes/grader.mjs and started with
 * `--no-node-snapshot` (isolated-vm needs it on Node 20 and later) and its own heap cap.
 * Grades one submission at a time, each in a fresh context of a reused
 * isolate, prepared while the process was idle. If hostile code crashes this process, the pool
 * gives the submission a verdict and starts a new one.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { serveJobs } from "@/lib/process-pool/serve-jobs";
import { IsolateHost, type GradeJob, type Sandbox } from "./sandbox";
import type { Verdict } from "@/lib/cell-runtime/verdict";

const runtime = readFileSync(path.join(import.meta.dirname, "sandbox-runtime.js"), "utf8");
const memoryMb = env().DESCENT_SANDBOX_MEMORY_MB;

let host = IsolateHost.create(runtime, memoryMb);
let next = freshSandbox();

/** A context for the next submission, in a new isolate when the old one is spent (a limit was hit, or it is old). */
async function freshSandbox(): Promise<Sandbox> {
  if (!(await host).usable) {
    (await host).dispose();
    host = IsolateHost.create(runtime, memoryMb);
  }
  return (await host).newSandbox();
}

await serveJobs<GradeJob, Verdict>(async (job) => {
  const started = performance.now();
  const sandbox = await next;
  try {
    return await sandbox.grade(job, started);
  } finally {
    sandbox.release();
    // Made now, while this process would otherwise wait for the next submission.
    next = freshSandbox();
  }
}, next);
