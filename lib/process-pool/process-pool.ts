/**
 * A pool of worker processes that run jobs the web server must not run
 * itself: grading learner code (lib/grading) and running uploaded models
 * (lib/serving). Either can hang, or allocate far more memory than it should,
 * so each runs in its own process with a heap cap, watched from here:
 * - a process that dies mid-job is replaced, and the job still gets an answer
 *   (from the caller's `ifLost`, told why: memory, time or crash);
 * - a process that outlives its job's time limit by a margin, or whose
 *   resident memory passes the cap, is killed and replaced the same way;
 * - a process that dies before it is ready (a broken install, a missing
 *   native module) is started again later each time, up to a minute apart,
 *   not in a loop that would take a core and flood the log.
 * Jobs wait in a bounded queue, served client by client (./fair-queue.ts),
 * while every process is busy. Each process runs with least privilege
 * (./least-privilege.ts): it can read only its own code, and writes nothing.
 *
 * The child side is serveJobs() in ./serve-jobs.ts.
 */
import { fork, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { FairQueue } from "./fair-queue";
import { leastPrivilege } from "./least-privilege";

export type ProcessPoolOptions = {
  /** The bundled script each process runs (it calls serveJobs). */
  entry: string;
  size: number;
  /** V8 heap cap of each process, in MiB. */
  heapMb: number;
  /** Resident memory above which a process is killed, in MiB. */
  rssLimitMb: number;
  /** How long past a job's own time limit its process may take before it is killed. */
  graceMs: number;
  /** The process's whole environment: none of the web server's secrets unless given here. */
  env?: Record<string, string>;
  /** Jobs that may wait for a process, in all and from one client; more are refused with a QueueFull. */
  queue?: { maxSize: number; maxPerClient: number };
};

/** Refused: the queue, or this client's share of it, is full. `retryAfterMs`: by then at least one job per process has finished. */
export class QueueFull extends Error {
  constructor(
    readonly retryAfterMs: number,
    readonly clientShareFull: boolean,
  ) {
    super(clientShareFull ? "this client already has as many jobs waiting as it may" : "the queue is full");
  }
}

/** Why a job got no answer from its process. */
export type LostReason = "time-limit" | "memory-limit" | "crashed" | "failed";

export type JobRequest<Payload> = { type: "job"; id: number; payload: Payload };
export type JobReply<Result> =
  | { type: "ready" }
  /** Sent the moment a job arrives, before it runs: a process that dies before saying so never ran it. */
  | { type: "started"; id: number }
  | { type: "done"; id: number; result: Result }
  /** The process's own code failed (not the job's input): the caller's `ifLost` answers with "failed". */
  | { type: "failed"; id: number; message: string };

type Job<Payload, Result> = {
  id: number;
  payload: Payload;
  timeMs: number;
  ifLost: (reason: LostReason, detail: string) => Result;
  resolve: (result: Result) => void;
  /** Whose job it is (e.g. a client address): the queue serves clients in turn. */
  client: string;
  /** Given back to the queue once already, because its process died before starting it. */
  requeued?: boolean;
};

type Worker<Payload, Result> = {
  process: ChildProcess;
  ready: boolean;
  /** When it last finished a job (or became ready): dispatch prefers the longest idle. */
  idleSince: number;
  job?: Job<Payload, Result>;
  /** Whether the process has said it started `job`. */
  started?: boolean;
  watchdog?: ReturnType<typeof setInterval>;
  killedFor?: LostReason;
};

const RESTART_DELAY_MAX_MS = 60_000;

export class ProcessPool<Payload, Result> {
  private workers = new Set<Worker<Payload, Result>>();
  private readonly queue: FairQueue<Job<Payload, Result>>;
  private nextId = 1;
  private closed = false;
  /** Processes in a row that died before they were ready; a ready one resets it. */
  private failedStarts = 0;
  private restartTimers = new Set<ReturnType<typeof setTimeout>>();

  constructor(private readonly options: ProcessPoolOptions) {
    this.queue = new FairQueue(options.queue?.maxSize ?? Number.POSITIVE_INFINITY, options.queue?.maxPerClient ?? Number.POSITIVE_INFINITY);
    for (let i = 0; i < options.size; i++) this.spawn();
  }

  /**
   * Runs one job; always resolves, whatever the job does to its process:
   * with the process's result, or with `ifLost(reason, detail)`. Rejects
   * with a QueueFull, without queueing, when `client` may queue no more.
   */
  run(payload: Payload, timeMs: number, ifLost: Job<Payload, Result>["ifLost"], client = ""): Promise<Result> {
    if (this.closed) return Promise.reject(new Error("the process pool is closed"));
    if (!this.queue.accepts(client)) {
      const shareFull = this.queue.size < this.queue.maxSize;
      return Promise.reject(new QueueFull(timeMs + this.options.graceMs, shareFull));
    }
    return new Promise((resolve) => {
      this.queue.push(client, { id: this.nextId++, payload, timeMs, ifLost, resolve, client });
      this.dispatch();
    });
  }

  /** Jobs waiting for a process now. */
  get waiting(): number {
    return this.queue.size;
  }

  /** Processes started and ready for a job (for tests and monitoring). */
  get ready(): number {
    return [...this.workers].filter((w) => w.ready && w.process.connected).length;
  }

  /** Processes running now (for tests and monitoring). */
  get pids(): number[] {
    return [...this.workers].map((w) => w.process.pid ?? 0);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.restartTimers) clearTimeout(timer);
    await Promise.all(
      [...this.workers].map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (worker.process.exitCode !== null || worker.process.signalCode !== null) return resolve();
            worker.process.once("exit", () => resolve());
            worker.process.kill("SIGKILL");
          }),
      ),
    );
  }

  private spawn() {
    if (this.closed) return;
    const privilege = leastPrivilege(this.options.entry);
    const child = fork(this.options.entry, [], {
      execArgv: ["--no-node-snapshot", `--max-old-space-size=${this.options.heapMb}`, ...privilege.execArgv],
      ...privilege.user,
      env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", ...this.options.env },
      serialization: "advanced",
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const worker: Worker<Payload, Result> = { process: child, ready: false, idleSince: 0 };
    this.workers.add(worker);
    child.on("message", (reply: JobReply<Result>) => this.onReply(worker, reply));
    child.on("exit", (code, signal) => this.onExit(worker, code, signal));
    // An IPC error (e.g. the child died mid-send) is followed by "exit", which handles it.
    child.on("error", () => {});
  }

  private onReply(worker: Worker<Payload, Result>, reply: JobReply<Result>) {
    if (reply.type === "ready") {
      worker.ready = true;
      this.failedStarts = 0;
    } else if (reply.type === "started") {
      if (worker.job?.id === reply.id) worker.started = true;
    } else if (worker.job && reply.id === worker.job.id) {
      const job = worker.job;
      this.release(worker);
      job.resolve(reply.type === "done" ? reply.result : job.ifLost("failed", reply.message));
    }
    this.dispatch();
  }

  private onExit(worker: Worker<Payload, Result>, code: number | null, signal: NodeJS.Signals | null) {
    const job = worker.job;
    const started = worker.started;
    this.release(worker);
    this.workers.delete(worker);
    if (job && !started && !job.requeued && !worker.killedFor) {
      // The process died (killed from outside, or crashed on its own) before the job reached it: the job goes to another,
      // once; a job that seems to kill every process it is given gets its verdict the second time.
      job.requeued = true;
      this.queue.unshift(job.client, job);
    } else if (job) {
      job.resolve(job.ifLost(worker.killedFor ?? "crashed", signal ?? `exit code ${code}`));
    }
    if (worker.ready) this.spawn();
    else this.spawnLater();
    this.dispatch();
  }

  /** Replaces a process that died before it was ready: 0.1 s after the first, doubling each time in a row, at most a minute. */
  private spawnLater() {
    const delayMs = Math.min(100 * 2 ** this.failedStarts, RESTART_DELAY_MAX_MS);
    this.failedStarts++;
    const timer = setTimeout(() => {
      this.restartTimers.delete(timer);
      this.spawn();
    }, delayMs);
    this.restartTimers.add(timer);
  }

  private release(worker: Worker<Payload, Result>) {
    worker.idleSince = performance.now();
    clearInterval(worker.watchdog);
    worker.watchdog = undefined;
    worker.job = undefined;
    worker.started = false;
  }

  private dispatch() {
    // The longest idle first: a process prepares for its next job after each
    // one (a grader makes a fresh context), and has had the longest to finish.
    const idle = [...this.workers].filter((w) => w.ready && !w.job && w.process.connected).sort((a, b) => a.idleSince - b.idleSince);
    for (const worker of idle) {
      const job = this.queue.shift();
      if (!job) return;
      worker.job = job;
      this.watch(worker, job);
      const request: JobRequest<Payload> = { type: "job", id: job.id, payload: job.payload };
      worker.process.send(request, (error) => {
        if (!error || worker.job !== job) return;
        // The process died before it received the job: the job goes back to the front of the queue, not run.
        this.release(worker);
        worker.ready = false;
        this.queue.unshift(job.client, job);
        this.dispatch();
      });
    }
  }

  /** Kills a process that runs too long or grows too large; its exit handler then answers the job. */
  private watch(worker: Worker<Payload, Result>, job: Job<Payload, Result>) {
    const hardDeadline = performance.now() + job.timeMs + this.options.graceMs;
    worker.watchdog = setInterval(() => {
      if (performance.now() > hardDeadline) this.kill(worker, "time-limit");
      else if (residentMb(worker.process.pid) > this.options.rssLimitMb) this.kill(worker, "memory-limit");
    }, 50);
  }

  private kill(worker: Worker<Payload, Result>, reason: LostReason) {
    worker.killedFor = reason;
    clearInterval(worker.watchdog);
    worker.process.kill("SIGKILL");
  }
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
