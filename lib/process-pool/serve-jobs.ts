/**
 * The child side of ProcessPool (./process-pool.ts): answers the pool's jobs
 * one at a time with `handle`, after `ready` (whatever the process prepares
 * before its first job) has settled.
 */
import type { JobReply, JobRequest } from "./process-pool";

export async function serveJobs<Payload, Result>(handle: (payload: Payload) => Promise<Result>, ready?: Promise<unknown>): Promise<void> {
  const send = (reply: JobReply<Result>) => process.send?.(reply);
  process.on("message", async (request: JobRequest<Payload>) => {
    if (request.type !== "job") return;
    send({ type: "started", id: request.id });
    try {
      send({ type: "done", id: request.id, result: await handle(request.payload) });
    } catch (error) {
      send({ type: "failed", id: request.id, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
  // The pool kills this process when it stops; an orphaned process ends itself too.
  process.on("disconnect", () => process.exit(0));
  await ready;
  send({ type: "ready" });
}
