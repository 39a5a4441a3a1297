/**
 * The job queue of the several-machine setup: pg-boss, in the same
 * PostgreSQL database as everything else (its tables live in the `pgboss`
 * schema). Web servers send jobs; `npm run worker` processes take them.
 *
 * Delivery is at least once: a worker that dies mid-job, even by SIGKILL,
 * stops sending its heartbeat, and the job is tried again elsewhere, up to
 * its queue's attempts. What a job does must therefore be idempotent: each
 * carries the id of the row it fills in, and fills it in only once.
 */
import { hostname } from "node:os";
import { PgBoss, type Queue } from "pg-boss";

export const QUEUES = {
  /** A pending submission to grade: { submissionId, client }. The job's id is the submission's. */
  grading: "grading",
  /** Grading jobs whose attempts ran out: their submissions get "could not be graded, resubmit". */
  gradingGaveUp: "grading-gave-up",
  /** A batch to run through a served model; the answer is the job's output. */
  predictions: "predictions",
} as const;

/** A grading job is tried this many times (the first and two retries) before it is given up. */
export const GRADING_ATTEMPTS = 3;

/**
 * A job whose worker has gone quiet this long is failed and retried: the
 * smallest heartbeat pg-boss allows, so a killed worker's jobs move on fast.
 */
const HEARTBEAT_SECONDS = 10;

const QUEUE_OPTIONS: Array<Omit<Queue, "name"> & { name: string }> = [
  { name: QUEUES.gradingGaveUp, retryLimit: 0, deleteAfterSeconds: 7 * 24 * 3600 },
  {
    name: QUEUES.grading,
    retryLimit: GRADING_ATTEMPTS - 1,
    retryDelay: 1,
    heartbeatSeconds: HEARTBEAT_SECONDS,
    // The longest exercise time limit plus the grader's own start, with room to spare.
    expireInSeconds: 5 * 60,
    deadLetter: QUEUES.gradingGaveUp,
    deleteAfterSeconds: 24 * 3600,
    // Idle workers hear of a new job at once (LISTEN/NOTIFY) instead of at their next poll.
    notify: true,
  },
  {
    name: QUEUES.predictions,
    // A caller waits for its answer; one retry after a lost worker, and none for a prediction nobody waits for any more.
    retryLimit: 1,
    heartbeatSeconds: HEARTBEAT_SECONDS,
    expireInSeconds: 60,
    retentionSeconds: 60,
    deleteAfterSeconds: 10 * 60,
    notify: true,
  },
];

/**
 * How a worker takes jobs: one at a time per process; woken by NOTIFY when
 * one is sent; straight back for the next while a backlog waits; otherwise
 * polling twice a second (the backstop for a missed NOTIFY).
 */
export const WORK_OPTIONS = { batchSize: 1, pollingIntervalSeconds: 0.5, notifyPollingIntervalSeconds: 0.5, burstWhenReadyExceeds: 1 } as const;

/** The name workers register under, so web servers can tell how many are alive (GET /api/health). */
export const WORKER_INSTANCE = "descent-worker";

export type Role = "web" | "worker";

/** Starts pg-boss for this process: creates its schema and Descent's queues if they do not exist. */
export async function startQueue(url: string, role: Role): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    application_name: `descent-${role}`,
    max: role === "worker" ? 4 : 3,
    instanceName: role === "worker" ? WORKER_INSTANCE : "descent-web",
    // A worker counts as alive in GET /api/health for three of these.
    instanceHeartbeatSeconds: 10,
    // Workers watch for expired jobs and missed heartbeats (every 10 s, so a dead worker's jobs wait
    // little); web servers only send. Nothing here runs on a schedule.
    supervise: role === "worker",
    monitorIntervalSeconds: 10,
    superviseIntervalSeconds: 10,
    // Workers LISTEN for new jobs on the queues that NOTIFY (below), instead of waiting for their next poll.
    useListenNotify: role === "worker",
    // The backlog a worker reads to decide to fetch again at once (WORK_OPTIONS' burst) is this fresh.
    queueCacheIntervalSeconds: 2,
    schedule: false,
  });
  boss.on("error", (error) => console.error(`job queue (${hostname()}):`, error));
  await boss.start();
  for (const { name, ...options } of QUEUE_OPTIONS) {
    if (await boss.getQueue(name)) continue;
    try {
      await boss.createQueue(name, options);
    } catch (error) {
      // Another process created it in the meantime.
      if (!(await boss.getQueue(name))) throw error;
    }
  }
  return boss;
}
