/**
 * A predictor process: one of the predictor pool's children (predictor.ts),
 * bundled by `npm run assets` into .processes/predictor.mjs. Runs learners'
 * uploaded Layers models with TensorFlow.js's pure-JavaScript cpu backend,
 * away from the web server's event loop: a big model or batch slows this
 * process, never the pages. Loaded models are kept, most recently used first,
 * so a prediction does not pay for loading.
 */
import { tf } from "@/lib/node-tf";
import { serveJobs } from "@/lib/process-pool/serve-jobs";
import type { ModelArtifacts } from "./model-files";
import { responseOutputProblem } from "./output-bounds";
import type { PredictorJob, PredictorResult } from "./predictor-protocol";

const CACHED_MODELS = 8;
const loaded = new Map<string, tf.LayersModel>();

function load(artifacts: ModelArtifacts): Promise<tf.LayersModel> {
  return tf.loadLayersModel(tf.io.fromMemory(artifacts));
}

async function cachedModel(modelId: string, artifacts: ModelArtifacts | undefined): Promise<tf.LayersModel | undefined> {
  const cached = loaded.get(modelId);
  if (cached) {
    // Re-inserted, so Map order is least recently used first.
    loaded.delete(modelId);
    loaded.set(modelId, cached);
    return cached;
  }
  if (!artifacts) return undefined;
  const model = await load(artifacts);
  loaded.set(modelId, model);
  for (const [id, old] of loaded) {
    if (loaded.size <= CACHED_MODELS) break;
    old.dispose();
    loaded.delete(id);
  }
  return model;
}

async function run(job: PredictorJob): Promise<PredictorResult> {
  if (job.type === "inspect") {
    const model = await load(job.artifacts);
    try {
      if (model.inputs.length !== 1 || model.outputs.length !== 1) {
        return { type: "refused", message: `This model has ${model.inputs.length} inputs and ${model.outputs.length} outputs; Descent serves models with one of each.` };
      }
      return { type: "inspected", inputShape: model.inputs[0]!.shape, outputShape: model.outputs[0]!.shape, parameters: model.countParams() };
    } finally {
      model.dispose();
    }
  }
  const model = await cachedModel(job.modelId, job.artifacts);
  if (!model) return { type: "need-model" };
  // When the model's output shape is fully known, a batch too large to answer is refused without running it.
  const [, ...perInstance] = model.outputs[0]!.shape;
  if (perInstance.every((d): d is number => d !== null)) {
    const expected = [job.batch.shape[0]!, ...perInstance];
    if (responseOutputProblem(expected)) return { type: "too-large", outputShape: expected };
  }
  const output = tf.tidy(() => model.predict(tf.tensor(job.batch.data, job.batch.shape)));
  try {
    if (Array.isArray(output)) return { type: "refused", message: `This model has ${output.length} outputs; Descent serves models with one.` };
    // An open (null) dimension is sized only now: the output tensor exists, but turning it into numbers for
    // the web server (the costly part, and the web server's JSON) happens only once its shape is within the caps.
    if (responseOutputProblem(output.shape)) return { type: "too-large", outputShape: output.shape };
    // A copy, so that exactly these values cross the IPC channel, not a larger buffer they might be a view of.
    return { type: "predictions", values: new Float32Array(await output.data()), outputShape: output.shape };
  } finally {
    tf.dispose(output);
  }
}

await serveJobs<PredictorJob, PredictorResult>(async (job) => {
  try {
    return await run(job);
  } catch (error) {
    // TensorFlow.js's own words (a layer it does not know, weights that do not fit, a shape it cannot take).
    return { type: "refused", message: error instanceof Error ? error.message : String(error) };
  }
});
