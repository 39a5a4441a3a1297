/**
 * A pool of grader processes (grader.process.ts). Isolates never run in the
 * web server's process: isolated-vm says hostile code can still crash the
 * process that hosts it, and its memory limit is approximate. So each grader
 * is a separate process with its own heap cap, watched from here:
 * - a grader that dies mid-submission is replaced, and the submission gets a
 *   verdict (memory limit if it was over its memory cap, else a crash);
 * - a grader that outlives the submission's time limit by a margin, or whose
 *   resident memory passes the cap, is killed and replaced the same way.
 * Submissions wait in a queue when every grader is busy.
 */
import { fork, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import type { GraderReply, GraderRequest } from "./grader-protocol";
import type { GradeJob } from "./sandbox";
import { scoreOf, type TestResult, type Verdict, type VerdictStatus } from "./verdict";

export type PoolOptions = {
  /** The bundled grader.process.ts. */
  entry: string;
  size: number;
  /** V8 heap cap of each grader process, in MiB. */
  heapMb: number;
  /** Resident memory above which a grader is killed, in MiB. */
  rssLimitMb: number;
  /** Memory limit of each isolate, in MiB. */
  sandboxMemoryMb: number;
  /** How long past a submission's own time limit a grader may take before it is killed. */
  graceMs: number;
};

type Job = {
  id: number;
  job: GradeJob;
  /** Test names and points, for the verdict if the grader dies: hidden tests are known here by name only. */
  testsIfLost: TestResult[];
  resolve: (verdict: Verdict) => void;
  started: number;
};

type Grader = { process: ChildProcess; ready: boolean; job?: Job; watchdog?: ReturnType<typeof setInterval>; killedFor?: VerdictStatus };

export class GraderPool {
  private graders = new Set<Grader>();
  private queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: PoolOptions) {
    for (let i = 0; i < options.size; i++) this.spawn();
  }

  /** Grades a submission; always resolves with a verdict, whatever the code does to its grader. */
  grade(job: GradeJob, testsIfLost: TestResult[]): Promise<Verdict> {
    if (this.closed) throw new Error("the grader pool is closed");
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, job, testsIfLost, resolve, started: performance.now() });
      this.dispatch();
    });
  }

  /** Graders running now (for tests and monitoring). */
  get pids(): number[] {
    return [...this.graders].map((g) => g.process.pid ?? 0);
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(
      [...this.graders].map(
        (grader) =>
          new Promise<void>((resolve) => {
            if (grader.process.exitCode !== null || grader.process.signalCode !== null) return resolve();
            grader.process.once("exit", () => resolve());
            grader.process.kill("SIGKILL");
          }),
      ),
    );
  }

  private spawn() {
    const child = fork(this.options.entry, [], {
      execArgv: ["--no-node-snapshot", `--max-old-space-size=${this.options.heapMb}`],
      // Only what the grader needs: none of the web server's secrets.
      env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", DESCENT_SANDBOX_MEMORY_MB: String(this.options.sandboxMemoryMb) },
      serialization: "advanced",
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const grader: Grader = { process: child, ready: false };
    this.graders.add(grader);
    child.on("message", (reply: GraderReply) => this.onReply(grader, reply));
    child.on("exit", (code, signal) => this.onExit(grader, code, signal));
    // An IPC error (e.g. the child died mid-send) is followed by "exit", which handles it.
    child.on("error", () => {});
  }

  private onReply(grader: Grader, reply: GraderReply) {
    if (reply.type === "ready") {
      grader.ready = true;
    } else if (grader.job && reply.id === grader.job.id) {
      const job = grader.job;
      this.release(grader);
      if (reply.type === "verdict") job.resolve(reply.verdict);
      else job.resolve(lostVerdict(job, "crashed", "the grader failed while grading this submission; please submit again"));
    }
    this.dispatch();
  }

  private onExit(grader: Grader, code: number | null, signal: NodeJS.Signals | null) {
    const job = grader.job;
    this.release(grader);
    this.graders.delete(grader);
    if (job) {
      const status = grader.killedFor ?? "crashed";
      const message =
        status === "time-limit"
          ? "time limit exceeded: your code kept the grader busy past the time limit"
          : status === "memory-limit"
            ? "memory limit exceeded: your code used more memory than a submission may"
            : `the grader running your code crashed (${signal ?? `exit code ${code}`}); this usually means it ran out of memory`;
      job.resolve(lostVerdict(job, status, message));
    }
    if (!this.closed) this.spawn();
    this.dispatch();
  }

  private release(grader: Grader) {
    clearInterval(grader.watchdog);
    grader.watchdog = undefined;
    grader.job = undefined;
  }

  private dispatch() {
    for (const grader of this.graders) {
      if (this.queue.length === 0) return;
      if (!grader.ready || grader.job || !grader.process.connected) continue;
      const job = this.queue.shift()!;
      grader.job = job;
      this.watch(grader, job);
      const request: GraderRequest = { type: "grade", id: job.id, job: job.job };
      grader.process.send(request, (error) => {
        if (!error || grader.job !== job) return;
        // The grader died before it received the job: the job goes back to the front of the queue, ungraded.
        this.release(grader);
        grader.ready = false;
        this.queue.unshift(job);
        this.dispatch();
      });
    }
  }

  /** Kills a grader that runs too long or grows too large; its exit handler then answers the job. */
  private watch(grader: Grader, job: Job) {
    const hardDeadline = performance.now() + job.job.limits.timeMs + this.options.graceMs;
    grader.watchdog = setInterval(() => {
      if (performance.now() > hardDeadline) this.kill(grader, "time-limit");
      else if (residentMb(grader.process.pid) > this.options.rssLimitMb) this.kill(grader, "memory-limit");
    }, 50);
  }

  private kill(grader: Grader, reason: VerdictStatus) {
    grader.killedFor = reason;
    clearInterval(grader.watchdog);
    grader.process.kill("SIGKILL");
  }
}

function lostVerdict(job: Job, status: VerdictStatus, message: string): Verdict {
  const tests = job.testsIfLost.map((t) => ({ ...t, points: 0, passed: false, message: `not run: ${message}` }));
  return { status, message, tests, ...scoreOf(tests), logs: "", durationMs: Math.round(performance.now() - job.started) };
}

/** Resident set size of a process in MiB, from /proc (Linux); 0 where that is not available. */
function residentMb(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const pages = Number(readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]);
    return (pages * 4096) / 2 ** 20;
  } catch {
    return 0;
  }
}
