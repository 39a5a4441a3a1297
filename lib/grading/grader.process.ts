/**
 * A grader process: one of the pool's children (see pool.ts), bundled by
 * `npm run assets` into .grader/grader.js and started with
 * `--no-node-snapshot` (isolated-vm needs it on Node 20) and its own heap cap.
 * Grades one submission at a time, each in a fresh context of a reused
 * isolate, prepared while the process was idle. If hostile code crashes this process, the pool
 * gives the submission a verdict and starts a new one.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { GraderReply, GraderRequest } from "./grader-protocol";
import { IsolateHost, type Sandbox } from "./sandbox";

const runtime = readFileSync(path.join(import.meta.dirname, "sandbox-runtime.js"), "utf8");
const memoryMb = Number(process.env.DESCENT_SANDBOX_MEMORY_MB ?? 128);

const send = (reply: GraderReply) => process.send?.(reply);

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

process.on("message", async (request: GraderRequest) => {
  if (request.type !== "grade") return;
  const started = performance.now();
  const sandbox = await next;
  try {
    const verdict = await sandbox.grade(request.job, started);
    send({ type: "verdict", id: request.id, verdict });
  } catch (error) {
    send({ type: "failed", id: request.id, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  } finally {
    sandbox.release();
    // Made now, while this process would otherwise wait for the next submission.
    next = freshSandbox();
  }
});

// The pool kills this process when it stops; an orphaned grader ends itself too.
process.on("disconnect", () => process.exit(0));

await next;
send({ type: "ready" });
