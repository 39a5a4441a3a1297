import "server-only";
import { availableParallelism } from "node:os";
import { env } from "@/lib/env";
import { processBundle } from "@/lib/process-pool/bundles";
import { ProcessPool, type LostReason } from "@/lib/process-pool/process-pool";
import type { Batch } from "./instances";
import { SERVING_LIMITS } from "./limits";
import type { ModelArtifacts } from "./model-files";
import type { PredictorJob, PredictorResult } from "./predictor-protocol";

/**
 * The web server's side of serving: uploaded models run in predictor
 * processes (predictor.process.ts), never in the server itself, so a slow
 * model or a model built to exhaust memory costs one predictor, which is
 * replaced, and every other request is still served.
 */
type Pool = ProcessPool<PredictorJob, PredictorResult>;
const holder = globalThis as { descentPredictorPool?: Pool };

/** Predictor processes on this machine: half the cores unless set, since the graders need the rest. */
export const predictorCount = () => env().DESCENT_PREDICTORS ?? Math.max(1, Math.floor(availableParallelism() / 2));

function predictors(): Pool {
  if (!holder.descentPredictorPool) {
    const settings = env();
    holder.descentPredictorPool = new ProcessPool({
      entry: processBundle("predictor.mjs"),
      size: predictorCount(),
      heapMb: 512,
      rssLimitMb: settings.DESCENT_PREDICTOR_RSS_MB,
      graceMs: 1000,
    });
  }
  return holder.descentPredictorPool;
}

/** Stops the predictor processes (tests; a server stops them by exiting). */
export async function closePredictors(): Promise<void> {
  await holder.descentPredictorPool?.close();
  holder.descentPredictorPool = undefined;
}

function lost(reason: LostReason): PredictorResult {
  const seconds = SERVING_LIMITS.predictionMs / 1000;
  const message = {
    "time-limit": `the model took longer than ${seconds} s`,
    "memory-limit": "the model needed more memory than a served model may use",
    crashed: "the process running the model crashed",
    failed: "the process running the model failed",
  }[reason];
  return { type: "lost", message };
}

/** Loads a model once in a predictor: does TensorFlow.js take it, and what shapes does it have? */
export function inspectModel(artifacts: ModelArtifacts): Promise<PredictorResult> {
  return predictors().run({ type: "inspect", artifacts }, SERVING_LIMITS.predictionMs, lost);
}

/**
 * Runs a batch through a stored model. Predictors keep the models they have
 * loaded; only when the one that takes the job lacks it are the weights read
 * from the database and sent.
 */
export async function predict(modelId: string, batch: Batch, readArtifacts: () => Promise<ModelArtifacts>): Promise<PredictorResult> {
  const result = await predictors().run({ type: "predict", modelId, batch }, SERVING_LIMITS.predictionMs, lost);
  if (result.type !== "need-model") return result;
  return predictors().run({ type: "predict", modelId, batch, artifacts: await readArtifacts() }, SERVING_LIMITS.predictionMs, lost);
}
