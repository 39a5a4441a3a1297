/**
 * `npm run worker`: a worker for the several-machine setup. Takes jobs from
 * the PostgreSQL job queue (lib/jobs/queue.ts): submissions, graded with
 * this machine's supervised grader pool, each verdict recorded; and
 * predictions, run in its predictor processes, each answer stored as the
 * job's output. Each time, it tells the web servers the job is done. Run any number, on any machine with the
 * same DATABASE_URL and a checkout of the same course.
 *
 * SIGTERM or SIGINT: stops taking jobs, finishes the ones in hand, exits. A
 * worker killed outright loses nothing: its jobs stop sending heartbeats and
 * go to another worker.
 */
import { db } from "@/lib/db/client";
import { databaseTarget, describeDatabase } from "@/lib/db/config";
import { gradeAndRecord, recordGaveUp } from "@/lib/exercises/record-grade";
import { GraderPool } from "@/lib/grading/pool";
import { poolOptions } from "@/lib/grading/pool-options";
import { announceJobDone } from "@/lib/jobs/completions";
import { QUEUES, startQueue, WORK_OPTIONS } from "@/lib/jobs/queue";
import { deliverScoresSoon } from "@/lib/lti/score-delivery";
import { runPredictionJob, type PredictionJob } from "@/lib/serving/model-runner";
import { closePredictors, predictorCount } from "@/lib/serving/predictor";

type GradingJob = { submissionId: string; client: string };

const target = databaseTarget();
if (target.provider !== "postgresql") {
  console.error("worker: DATABASE_URL must be a PostgreSQL URL (postgres://…). With SQLite, the web server grades in its own processes and needs no worker.");
  process.exit(2);
}

const options = poolOptions();
const pool = new GraderPool(options);
const store = db();
const queue = await startQueue(target.url, "worker");
const announce = (id: string) => announceJobDone((sql, values) => queue.getDb().executeSql(sql, values), id);

// One job per grader: jobs wait in the shared queue, where any worker can take them, not in this process.
await queue.work<GradingJob>(QUEUES.grading, { ...WORK_OPTIONS, localConcurrency: options.size }, async ([job]) => {
  const { submissionId, client } = job!.data;
  await gradeAndRecord(store, pool, submissionId, client);
  await announce(submissionId);
});
await queue.work<GradingJob>(QUEUES.gradingGaveUp, { ...WORK_OPTIONS, localConcurrency: 1 }, async ([job]) => {
  await recordGaveUp(store, job!.data.submissionId);
  await announce(job!.data.submissionId);
});
// Predictions: a caller waits on each, so they never wait behind grading; the answer is the job's output, stored
// before the NOTIFY (pg-boss's own completion after the handler then finds the job already done).
await queue.work<PredictionJob>(QUEUES.predictions, { ...WORK_OPTIONS, localConcurrency: predictorCount() }, async ([job]) => {
  const output = await runPredictionJob(job!.data);
  await queue.complete(QUEUES.predictions, job!.id, output);
  await announce(job!.id);
});
// LMS grades waiting in the outbox (lib/lti/score-delivery.ts): every worker sends them, each row held by one at a time.
deliverScoresSoon(store);
console.log(`worker: ${options.size} graders on ${describeDatabase(target)}, pid ${process.pid}`);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`worker: ${signal}: finishing the jobs in hand`);
  const graceMs = 120_000;
  setTimeout(() => process.exit(1), graceMs + 10_000).unref();
  await queue.stop({ graceful: true, timeout: graceMs, close: true });
  await Promise.all([pool.close(), closePredictors()]);
  await store.$disconnect();
  console.log("worker: stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
