/**
 * The grader pool: grader processes (grader.process.ts) in a ProcessPool.
 * Isolates never run in the web server's process: isolated-vm says hostile
 * code can still crash the process that hosts it, and its memory limit is
 * approximate. Whatever a submission does to its grader, it gets a verdict:
 * memory limit if the grader grew past its cap, time limit if it outlived the
 * submission's limit, else a crash.
 */
import { ProcessPool, type LostReason, type ProcessPoolOptions } from "@/lib/process-pool/process-pool";

/** Grading's refusal when the queue has no room (for the service to answer 503 or 429). */
export { QueueFull } from "@/lib/process-pool/process-pool";
import type { GradeJob } from "./sandbox";
import { scoreOf, type TestResult, type Verdict, type VerdictStatus } from "@/lib/cell-runtime/verdict";

export type PoolOptions = Omit<ProcessPoolOptions, "env"> & {
  /** Memory limit of each isolate, in MiB. */
  sandboxMemoryMb: number;
};

export class GraderPool {
  private readonly processes: ProcessPool<GradeJob, Verdict>;

  constructor(options: PoolOptions) {
    // Only what the grader needs: none of the web server's secrets.
    this.processes = new ProcessPool({ ...options, env: { DESCENT_SANDBOX_MEMORY_MB: String(options.sandboxMemoryMb) } });
  }

  /**
   * Grades a submission; resolves with a verdict, or rejects with a
   * QueueFull (nothing queued) when `client`, whose turn it takes in the
   * queue, may queue no more. `testsIfLost` are the test names and points,
   * for the verdict if the grader dies: hidden tests are known here by name only.
   */
  grade(job: GradeJob, testsIfLost: TestResult[], client = ""): Promise<Verdict> {
    const started = performance.now();
    const ifLost = (reason: LostReason, detail: string): Verdict => {
      const [status, message] = lostBecause(reason, detail);
      const tests = testsIfLost.map((t) => ({ ...t, points: 0, passed: false, message: `not run: ${message}` }));
      return { status, message, tests, ...scoreOf(tests), logs: "", durationMs: Math.round(performance.now() - started) };
    };
    return this.processes.run(job, job.limits.timeMs, ifLost, client);
  }

  /** Graders started and ready to grade (for tests and monitoring). */
  get ready(): number {
    return this.processes.ready;
  }

  /** Submissions waiting for a grader now (for monitoring). */
  get waiting(): number {
    return this.processes.waiting;
  }

  /** Graders running now (for tests and monitoring). */
  get pids(): number[] {
    return this.processes.pids;
  }

  close(): Promise<void> {
    return this.processes.close();
  }
}

function lostBecause(reason: LostReason, detail: string): [VerdictStatus, string] {
  switch (reason) {
    case "time-limit":
      return ["time-limit", "time limit exceeded: your code kept the grader busy past the time limit"];
    case "memory-limit":
      return ["memory-limit", "memory limit exceeded: your code used more memory than a submission may"];
    case "failed":
      return ["crashed", "the grader failed while grading this submission; please submit again"];
    case "crashed":
      return ["crashed", `the grader running your code crashed (${detail}); this usually means it ran out of memory`];
  }
}
