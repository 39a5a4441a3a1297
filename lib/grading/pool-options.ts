/** The grader pool's settings, from the environment (checked with zod) or the defaults for one machine. */
import { availableParallelism } from "node:os";
import path from "node:path";
import { z } from "zod";
import type { PoolOptions } from "./pool";

const Env = z.object({
  DESCENT_GRADERS: z.coerce.number().int().min(1).max(64).optional(),
  DESCENT_SANDBOX_MEMORY_MB: z.coerce.number().int().min(32).max(4096).default(128),
  DESCENT_GRADER_HEAP_MB: z.coerce.number().int().min(64).max(8192).default(256),
  DESCENT_GRADER_RSS_MB: z.coerce.number().int().min(128).max(16384).default(1024),
});

export function poolOptions(env: Record<string, string | undefined> = process.env): PoolOptions {
  const parsed = Env.safeParse(env);
  if (!parsed.success) throw new Error(`Grader settings in the environment are invalid: ${z.prettifyError(parsed.error)}`);
  const settings = parsed.data;
  return {
    entry: path.join(process.cwd(), ".grader", "grader.mjs"),
    // One grader per core: grading is CPU-bound, so more would only queue inside the OS.
    size: settings.DESCENT_GRADERS ?? Math.max(1, availableParallelism()),
    heapMb: settings.DESCENT_GRADER_HEAP_MB,
    rssLimitMb: settings.DESCENT_GRADER_RSS_MB,
    sandboxMemoryMb: settings.DESCENT_SANDBOX_MEMORY_MB,
    graceMs: 3000,
  };
}
