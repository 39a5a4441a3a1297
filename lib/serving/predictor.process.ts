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
  const output = tf.tidy(() => model.predict(tf.tensor(job.batch.data, job.batch.shape)) as tf.Tensor);
  try {
    return { type: "predictions", predictions: (await output.array()) as unknown[], outputShape: output.shape };
  } finally {
    output.dispose();
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
