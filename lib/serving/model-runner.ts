import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { usesPostgres } from "@/lib/db/config";
import { modelFiles } from "@/lib/db/served-models";
import { jobCompletions, jobQueue } from "@/lib/jobs/connection";
import { QUEUES } from "@/lib/jobs/queue";
import type { Batch } from "./instances";
import { SERVING_LIMITS } from "./limits";
import type { ModelArtifacts } from "./model-files";
import { predict } from "./predictor";
import type { PredictorResult } from "./predictor-protocol";

/**
 * Where a prediction runs. One interface, two ways, as for grading:
 * - one machine (SQLite): this server's own predictor processes;
 * - several (PostgreSQL): a job on the queue, run by any worker's
 *   predictors; its answer is the job's output, and the worker's NOTIFY
 *   wakes the request waiting for it.
 */
export interface ModelRunner {
  predict(modelId: string, batch: Batch): Promise<PredictorResult>;
}

/** A prediction job's payload: the batch's numbers as base64 of their float32 bytes (JSON has no typed arrays). */
export type PredictionJob = { modelId: string; shape: number[]; data: string };
/** Its output: the predictor's answer, with any values as base64 of their float32 bytes. */
export type PredictionOutput = Exclude<PredictorResult, { type: "predictions" }> | { type: "predictions"; outputShape: number[]; values: string };

const toBase64 = (values: Float32Array) => Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString("base64");
function fromBase64(text: string): Float32Array {
  const bytes = Buffer.from(text, "base64");
  // Copied into a buffer of its own: Buffer's pool is not aligned for float32.
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/** A stored model's files, read when a predictor does not hold the model yet. */
export async function storedArtifacts(modelId: string): Promise<ModelArtifacts> {
  const row = await modelFiles(db(), modelId);
  const { modelTopology, weightSpecs } = JSON.parse(row.modelJson) as Omit<ModelArtifacts, "weightData">;
  const weightData = row.weights.buffer.slice(row.weights.byteOffset, row.weights.byteOffset + row.weights.byteLength) as ArrayBuffer;
  return { modelTopology, weightSpecs, weightData };
}

/** A worker's side of a prediction job: run it in this machine's predictors. */
export async function runPredictionJob(job: PredictionJob): Promise<PredictionOutput> {
  const result = await predict(job.modelId, { shape: job.shape, data: fromBase64(job.data) }, () => storedArtifacts(job.modelId));
  return result.type === "predictions" ? { ...result, values: toBase64(result.values) } : result;
}

const inProcess: ModelRunner = {
  predict: (modelId, batch) => predict(modelId, batch, () => storedArtifacts(modelId)),
};

/** How long a web server waits for a worker's answer: the predictor's own limit, a retry's, and the queue's. */
const PREDICTION_WAIT_MS = 2 * SERVING_LIMITS.predictionMs + 10_000;

const queued: ModelRunner = {
  async predict(modelId, batch) {
    const queue = await jobQueue();
    const id = randomUUID();
    const payload: PredictionJob = { modelId, shape: batch.shape, data: toBase64(batch.data) };
    await queue.send(QUEUES.predictions, payload, { id });
    let output: PredictionOutput | undefined;
    let failed = false;
    await jobCompletions().waitFor(id, PREDICTION_WAIT_MS, async () => {
      const job = await queue.getJobById<PredictionJob>(QUEUES.predictions, id);
      if (job?.state === "completed") output = job.output as PredictionOutput;
      failed = job?.state === "failed" || job?.state === "cancelled";
      return output !== undefined || failed;
    });
    if (!output) {
      await queue.cancel(QUEUES.predictions, id).catch(() => {});
      return { type: "lost", message: failed ? "the worker running the model failed" : "no worker answered in time" };
    }
    return output.type === "predictions" ? { ...output, values: fromBase64(output.values) } : output;
  },
};

/** This server's way of running predictions, chosen by its database. */
export const modelRunner = (): ModelRunner => (usesPostgres() ? queued : inProcess);
