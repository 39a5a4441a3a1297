import "server-only";
import { EventEmitter } from "node:events";
import { db } from "@/lib/db/client";
import { usesPostgres } from "@/lib/db/config";
import { countPending, discardSubmission, getSubmission, type StoredSubmission } from "@/lib/db/progress";
import { env } from "@/lib/env";
import { QueueFull } from "@/lib/grading/pool";
import { jobCompletions, jobQueue } from "@/lib/jobs/connection";
import { QUEUES, WORKER_INSTANCE } from "@/lib/jobs/queue";
import { graderPool } from "./grader";
import { gradeAndRecord } from "./record-grade";

/**
 * How a stored submission gets its grade. One interface, two ways:
 * - on one machine (SQLite), this server's own grader pool grades it;
 * - on several (PostgreSQL), a job goes to the queue and any worker grades it.
 * The submission service (service.ts) is the same for both.
 */
export interface SubmissionGrading {
  /**
   * Starts grading a stored, pending submission and waits up to `waitMs` for
   * its grade. Resolves with the stored row: graded, or still pending when
   * the wait ran out (the page then follows it). Throws QueueFull when there
   * is no room to grade it; the submission is then discarded.
   */
  grade(submissionId: string, client: string, waitMs: number): Promise<StoredSubmission>;
  /** Waits up to `waitMs` for a submission someone else is grading (a retried request); resolves with the stored row. */
  settled(submissionId: string, waitMs: number): Promise<StoredSubmission | undefined>;
  /**
   * Pending submissions created before this are waiting for nothing (their
   * grading ended with a server that stopped) and no longer hold the
   * learner's one place in the queue.
   */
  orphanedBefore(): Date;
  /** For health checks and metrics: submissions waiting, graders ready, and (several machines) workers alive. */
  capacity(): Promise<GradingCapacity>;
}

/** One machine: this server's graders. Several: the workers alive (heard from in the last half minute), wherever they run. */
export type GradingCapacity = { waiting: number } & ({ graders: number } | { workers: number });

/** Longest any pending row can be waiting for a grade that will still come. */
const PENDING_STALE_MS = 15 * 60_000;
const PROCESS_STARTED = new Date();

/** One machine: grading runs in this process's pool, and waiters hear of grades through an in-memory event. */
class InProcessGrading implements SubmissionGrading {
  readonly #graded = new EventEmitter().setMaxListeners(0);

  async grade(submissionId: string, client: string): Promise<StoredSubmission> {
    try {
      const submission = await gradeAndRecord(db(), graderPool(), submissionId, client);
      if (!submission) throw new Error(`submission ${submissionId} vanished while it was graded`);
      return submission;
    } catch (error) {
      await discardSubmission(db(), submissionId);
      throw error;
    } finally {
      this.#graded.emit(submissionId);
    }
  }

  async settled(submissionId: string, waitMs: number): Promise<StoredSubmission | undefined> {
    const current = await getSubmission(db(), submissionId);
    if (current?.status !== "pending") return current;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.#graded.off(submissionId, done);
        resolve();
      }, waitMs);
      this.#graded.once(submissionId, done);
    });
    return getSubmission(db(), submissionId);
  }

  async capacity(): Promise<GradingCapacity> {
    const pool = graderPool();
    return { waiting: pool.waiting, graders: pool.ready };
  }

  orphanedBefore(): Date {
    // The pool is this process's: a pending row older than the process lost its grader when the last one stopped.
    return new Date(Math.max(PROCESS_STARTED.getTime(), Date.now() - PENDING_STALE_MS));
  }
}

/** Several machines: a job per submission on the queue, its id the submission's; workers grade and NOTIFY. */
class QueuedGrading implements SubmissionGrading {
  async grade(submissionId: string, client: string, waitMs: number): Promise<StoredSubmission> {
    // The queue is the pending submissions of every server: a global bound, the same on each.
    const waiting = await countPending(db(), this.orphanedBefore());
    if (waiting > env().DESCENT_GRADING_QUEUE) {
      await discardSubmission(db(), submissionId);
      throw new QueueFull(10_000, false);
    }
    try {
      // The job's id is the submission's: one job per submission, however often it is delivered.
      await (await jobQueue()).send(QUEUES.grading, { submissionId, client }, { id: submissionId });
    } catch (error) {
      // Not queued, so nothing will grade it: it must not hold the learner's place.
      await discardSubmission(db(), submissionId);
      throw error;
    }
    return (await this.settled(submissionId, waitMs))!;
  }

  async settled(submissionId: string, waitMs: number): Promise<StoredSubmission | undefined> {
    let current: StoredSubmission | undefined;
    await jobCompletions().waitFor(submissionId, waitMs, async () => {
      current = await getSubmission(db(), submissionId);
      return current?.status !== "pending";
    });
    return current;
  }

  async capacity(): Promise<GradingCapacity> {
    const [waiting, instances] = await Promise.all([countPending(db(), this.orphanedBefore()), (await jobQueue()).getInstances()]);
    // Alive: heard from within three of its heartbeats (pg-boss's instance registry).
    return { waiting, workers: instances.filter((instance) => instance.name === WORKER_INSTANCE && instance.live).length };
  }

  orphanedBefore(): Date {
    // Jobs outlive web servers: only age makes a pending row stale.
    return new Date(Date.now() - PENDING_STALE_MS);
  }
}

const holder = globalThis as { descentGrading?: SubmissionGrading };

/** This server's way of grading, chosen by its database. */
export function submissionGrading(): SubmissionGrading {
  holder.descentGrading ??= usesPostgres() ? new QueuedGrading() : new InProcessGrading();
  return holder.descentGrading;
}
