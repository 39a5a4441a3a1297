/**
 * Which backend trains each kind of model fastest in this browser. The
 * answer depends on the device and on the model: a GPU wins on convolutions,
 * while WASM (or even the CPU) can beat a software WebGL on a small dense
 * network, where every op pays a fixed cost to reach the GPU. So the kernel
 * times one training step of each workload on each backend, and a lesson's
 * kernel starts on the winner for its workload (lib/content/workload.ts).
 *
 * A backend that cannot run a workload's step (tfjs-backend-wasm has no
 * gradient for conv2d's filter, nor for gather) is never chosen for it.
 */
import type * as tfType from "@tensorflow/tfjs";
import type { Tf } from "./tfjs";
import type { Backend, Calibration, Workload } from "./protocol";

type Tensor = tfType.Scalar;

/** One training step of a workload's typical model: the loss's gradients for its weights, read back. */
type Step = { run: () => Promise<void>; dispose: () => void };

/** Small versions of the course's models: the shapes matter (op count against op size), not the learning. */
const WORKLOADS: Record<Workload, (tf: Tf) => Step> = {
  // A two-layer perceptron on a batch of 64: the regression, classification and MLP lessons.
  dense: (tf) => {
    const x = tf.randomNormal([64, 32], 0, 1, "float32", 1);
    const w1 = tf.variable(tf.randomNormal([32, 64], 0, 0.1, "float32", 2));
    const w2 = tf.variable(tf.randomNormal([64, 10], 0, 0.1, "float32", 3));
    const loss = () => tf.relu(x.matMul(w1)).matMul(w2).square().mean() as Tensor;
    return stepOf(tf, loss, [x, w1, w2]);
  },
  // A 3×3 convolution over a batch of MNIST-sized images: the CNN lessons.
  conv: (tf) => {
    const x = tf.randomNormal([16, 28, 28, 1], 0, 1, "float32", 1);
    const filter = tf.variable(tf.randomNormal([3, 3, 1, 16], 0, 0.1, "float32", 2));
    const loss = () => tf.conv2d(x as tfType.Tensor4D, filter as tfType.Tensor4D, 1, "same").square().mean() as Tensor;
    return stepOf(tf, loss, [x, filter]);
  },
  // Token embeddings and self-attention scores: the sequence, attention and GPT lessons.
  sequence: (tf) => {
    const tokens = tf.randomUniform([8, 32], 0, 64, "int32", 1);
    const table = tf.variable(tf.randomNormal([64, 32], 0, 0.1, "float32", 2));
    const loss = () =>
      tf.tidy(() => {
        const h = tf.gather(table, tokens) as tfType.Tensor3D;
        const scores = tf.softmax(tf.matMul(h, h, false, true).div(Math.sqrt(32)));
        return tf.matMul(scores, h).square().mean() as Tensor;
      });
    return stepOf(tf, loss, [tokens, table]);
  },
};

function stepOf(tf: Tf, loss: () => Tensor, tensors: tfType.Tensor[]): Step {
  return {
    async run() {
      const { value, grads } = tf.variableGrads(loss);
      await Promise.all([value.data(), ...Object.values(grads).map((g) => g.data())]);
      tf.dispose([value, ...Object.values(grads)]);
    },
    dispose: () => tf.dispose(tensors),
  };
}

/** Timed steps per workload and backend, after one untimed step (shader compilation is not what we are timing). */
const TIMED_STEPS = 5;

/**
 * Times each workload on each backend in `candidates` that `start` can
 * switch to, and returns the fastest backend per workload with every time
 * measured (absent where the backend could not run the step).
 */
export async function timeWorkloads(
  tf: Tf,
  candidates: Backend[],
  workloads: Workload[],
  start: (backend: Backend) => Promise<boolean>,
): Promise<Calibration> {
  const times: Calibration = {};
  for (const backend of candidates) {
    if (!(await start(backend))) continue;
    for (const workload of workloads) {
      const step = WORKLOADS[workload](tf);
      try {
        await step.run();
        const begun = performance.now();
        for (let i = 0; i < TIMED_STEPS; i++) await step.run();
        const entry = (times[workload] ??= { backend, millisecondsPerStep: {} });
        entry.millisecondsPerStep[backend] = (performance.now() - begun) / TIMED_STEPS;
      } catch {
        // This backend cannot train this workload: never chosen for it.
      } finally {
        step.dispose();
      }
    }
  }
  for (const entry of Object.values(times)) {
    const measured = Object.entries(entry.millisecondsPerStep) as Array<[Backend, number]>;
    entry.backend = measured.reduce((best, next) => (next[1] < best[1] ? next : best))[0];
  }
  return times;
}
