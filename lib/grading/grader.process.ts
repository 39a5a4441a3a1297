/**
 * A grader process: one of the pool's children (see pool.ts), bundled by
 * `npm run assets` into .grader/grader.js and started with
 * `--no-node-snapshot` (isolated-vm needs it on Node 20) and its own heap cap.
 * Grades one submission at a time, each in a fresh isolate prepared while
 * the process was idle. If hostile code crashes this process, the pool
 * gives the submission a verdict and starts a new one.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { GraderReply, GraderRequest } from "./grader-protocol";
import { Sandbox } from "./sandbox";

const runtime = readFileSync(path.join(import.meta.dirname, "sandbox-runtime.js"), "utf8");
const memoryMb = Number(process.env.DESCENT_SANDBOX_MEMORY_MB ?? 128);

const send = (reply: GraderReply) => process.send?.(reply);

let next = Sandbox.create(runtime, memoryMb);

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
    sandbox.dispose();
    // The next submission's isolate is made now, while this process would otherwise wait.
    next = Sandbox.create(runtime, memoryMb);
  }
});

// The pool kills this process when it stops; an orphaned grader ends itself too.
process.on("disconnect", () => process.exit(0));

await next;
send({ type: "ready" });
