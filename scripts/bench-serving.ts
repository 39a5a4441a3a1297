/**
 * `npm run bench:serving`: what serving a model costs, and why models run in
 * predictor processes rather than in the web server. Builds the MNIST CNN of
 * module 9 with the lesson's own model cell (93,322 parameters) and, for it:
 * - loads it from memory in this process (what a first request pays);
 * - predicts batches of 1, 32 and 128 in this process, and through a real
 *   predictor process pool (IPC included), model already loaded;
 * - measures the longest stall of this process's event loop (what every other
 *   request to the web server would wait) while a batch of 128 runs in
 *   process and while it runs in a predictor.
 * Prints numbers; asserts nothing. Compare ratios from one run.
 */
import { tf } from "@/lib/node-tf";
import type { Batch } from "@/lib/serving/instances";
import type { ModelArtifacts } from "@/lib/serving/model-files";
import type { PredictorJob, PredictorResult } from "@/lib/serving/predictor-protocol";
import { processBundle } from "@/lib/process-pool/bundles";
import { ProcessPool } from "@/lib/process-pool/process-pool";
import { createLessonKernel } from "@/test/lesson-kernel";
import { buildProcesses } from "./build-processes";

const REPEATS = Number(process.env.BENCH_REPEATS ?? 10);
const BATCHES = [1, 32, 128];

/** The MNIST lesson's own createModel, from its model cell: the network served is exactly the one learners train. */
async function lessonCnn(): Promise<tf.LayersModel> {
  const kernel = createLessonKernel("content/mnist-cnn/digits.mdx");
  await kernel.run("model");
  return (globalThis as unknown as { createModel: () => tf.LayersModel }).createModel();
}

async function artifactsOf(model: tf.LayersModel): Promise<ModelArtifacts> {
  let saved: ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts as unknown as ModelArtifacts;
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    }),
  );
  return saved!;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timeMedian(work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const t = performance.now();
    await work();
    times.push(performance.now() - t);
  }
  return median(times);
}

/** The longest gap between ticks of a 1 ms timer while `work` ran: how long the event loop was blocked. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  await new Promise((resolve) => setTimeout(resolve, 20));
  await work();
  await new Promise((resolve) => setTimeout(resolve, 20));
  clearInterval(ticker);
  return longest;
}

const batchOf = (n: number): Batch => ({ data: new Float32Array(n * 28 * 28).map(() => Math.random()), shape: [n, 28, 28, 1] });

await buildProcesses(process.cwd());
const artifacts = await artifactsOf(await lessonCnn());
console.log(`model: the MNIST CNN, ${(artifacts.weightData.byteLength / 1024).toFixed(0)} KiB of weights`);

const loadMs = await timeMedian(async () => (await tf.loadLayersModel(tf.io.fromMemory(artifacts))).dispose());
console.log(`load from memory, in process: ${loadMs.toFixed(1)} ms (median of ${REPEATS})`);

const local = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
const pool = new ProcessPool<PredictorJob, PredictorResult>({
  entry: processBundle("predictor.mjs"),
  size: 1,
  heapMb: 512,
  rssLimitMb: 1024,
  graceMs: 1000,
});
const lost = (): PredictorResult => ({ type: "lost", message: "lost" });
const viaPool = async (batch: Batch, withModel: boolean) => {
  const result = await pool.run({ type: "predict", modelId: "bench", batch, artifacts: withModel ? artifacts : undefined }, 60_000, lost);
  if (result.type !== "predictions") throw new Error(`predictor answered ${JSON.stringify(result)}`);
};
const coldT = performance.now();
await viaPool(batchOf(1), true);
console.log(`first request through a predictor (model sent and loaded): ${(performance.now() - coldT).toFixed(1)} ms`);

console.log("\nbatch | in process ms | predictor ms | predictor / in process");
for (const n of BATCHES) {
  const batch = batchOf(n);
  const inProcess = await timeMedian(async () => {
    const output = tf.tidy(() => local.predict(tf.tensor(batch.data, batch.shape)) as tf.Tensor);
    await output.array();
    output.dispose();
  });
  const predictor = await timeMedian(() => viaPool(batch, false));
  console.log(`${String(n).padStart(5)} | ${inProcess.toFixed(1).padStart(13)} | ${predictor.toFixed(1).padStart(12)} | ${(predictor / inProcess).toFixed(2)}`);
}

const big = batchOf(128);
const stallInProcess = await longestStall(async () => {
  const output = tf.tidy(() => local.predict(tf.tensor(big.data, big.shape)) as tf.Tensor);
  await output.array();
  output.dispose();
});
const stallPredictor = await longestStall(() => viaPool(big, false));
console.log(`\nlongest event-loop stall of the web server during a batch of 128: in process ${stallInProcess.toFixed(1)} ms, in a predictor ${stallPredictor.toFixed(1)} ms`);
await pool.close();
