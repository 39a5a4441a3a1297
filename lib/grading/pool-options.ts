/** The grader pool's settings, from the environment (lib/env.ts) or the defaults for one machine. */
import { availableParallelism } from "node:os";
import { env, type Env } from "@/lib/env";
import { processBundle } from "@/lib/process-pool/bundles";
import type { PoolOptions } from "./pool";

export function poolOptions(settings: Env = env()): PoolOptions {
  return {
    entry: processBundle("grader.mjs"),
    // One grader per core: grading is CPU-bound, so more would only queue inside the OS.
    size: settings.DESCENT_GRADERS ?? Math.max(1, availableParallelism()),
    heapMb: settings.DESCENT_GRADER_HEAP_MB,
    rssLimitMb: settings.DESCENT_GRADER_RSS_MB,
    sandboxMemoryMb: settings.DESCENT_SANDBOX_MEMORY_MB,
    graceMs: 3000,
  };
}
