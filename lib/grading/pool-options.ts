/** The grader pool's settings, from the environment (lib/env.ts) or the defaults for one machine. */
import { availableParallelism } from "node:os";
import { env, type Env } from "@/lib/env";
import { processBundle } from "@/lib/process-pool/bundles";
import type { PoolOptions } from "./pool";

export function poolOptions(settings: Env = env()): PoolOptions {
  // One grader per core: grading is CPU-bound, so more would only queue inside the OS.
  const size = settings.DESCENT_GRADERS ?? Math.max(1, availableParallelism());
  return {
    entry: processBundle("grader.mjs"),
    size,
    // Submissions waiting for a grader, each an open request. One client (one address: a school behind one NAT is one
    // client) may hold at most half of them, so it cannot fill the queue others need; it is served in turn with them.
    queue: { maxSize: settings.DESCENT_GRADING_QUEUE, maxPerClient: Math.max(1, Math.floor(settings.DESCENT_GRADING_QUEUE / 2)) },
    heapMb: settings.DESCENT_GRADER_HEAP_MB,
    rssLimitMb: settings.DESCENT_GRADER_RSS_MB,
    sandboxMemoryMb: settings.DESCENT_SANDBOX_MEMORY_MB,
    graceMs: 3000,
  };
}
