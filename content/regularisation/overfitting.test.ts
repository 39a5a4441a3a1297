/**
 * Checks the regularisation lesson's numbers on its own seeded data: the
 * polynomial degrees' training and validation errors, ridge regression's
 * effect at degree 12, weight decay, dropout's scaling, and the early-stopping
 * run (lowest validation loss well before the end, stopping at epoch 115).
 */
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

const points = (n: number, seed: number) => {
  const x = Array.from(tf.randomUniform([n], -1, 1, "float32", seed).dataSync());
  const noise = tf.randomNormal([n], 0, 0.2, "float32", seed + 1).dataSync();
  return { x, y: x.map((v, i) => Math.sin(Math.PI * v) + noise[i]!) };
};
const train = points(15, 1);
const validation = points(200, 3);
const powers = (x: number, degree: number) => Array.from({ length: degree + 1 }, (_, k) => x ** k);

/** The lesson's fit: least squares plus λ on every weight but the constant one, by elimination. */
function fit(degree: number, lambda = 0): number[] {
  const rows = train.x.map((x) => powers(x, degree));
  const size = degree + 1;
  const A = Array.from({ length: size }, (_, i) => Array.from({ length: size }, (_, j) => rows.reduce((s, r) => s + r[i]! * r[j]!, 0) + (i === j && i > 0 ? lambda : 0)));
  const c = Array.from({ length: size }, (_, i) => rows.reduce((s, r, n) => s + r[i]! * train.y[n]!, 0));
  for (let col = 0; col < size; col++) {
    let p = col;
    for (let r = col + 1; r < size; r++) if (Math.abs(A[r]![col]!) > Math.abs(A[p]![col]!)) p = r;
    [A[col], A[p], c[col], c[p]] = [A[p]!, A[col]!, c[p]!, c[col]!];
    for (let r = col + 1; r < size; r++) {
      const f = A[r]![col]! / A[col]![col]!;
      for (let k = col; k < size; k++) A[r]![k]! -= f * A[col]![k]!;
      c[r]! -= f * c[col]!;
    }
  }
  const w = new Array<number>(size).fill(0);
  for (let r = size - 1; r >= 0; r--) w[r] = (c[r]! - A[r]!.slice(r + 1).reduce((s, a, k) => s + a * w[r + 1 + k]!, 0)) / A[r]![r]!;
  return w;
}
const mse = (w: number[], set: { x: number[]; y: number[] }) =>
  set.x.reduce((s, x, i) => s + (powers(x, w.length - 1).reduce((a, f, k) => a + f * w[k]!, 0) - set.y[i]!) ** 2, 0) / set.x.length;

describe("polynomial degree", () => {
  it("training error falls with degree, and degree 14 interpolates the 15 points", () => {
    const errors = Array.from({ length: 12 }, (_, i) => mse(fit(i + 1), train));
    errors.slice(1).forEach((e, i) => expect(e).toBeLessThanOrEqual(errors[i]! + 1e-9));
    expect(mse(fit(14), train)).toBeLessThan(1e-4);
  });

  it("degrees 3 to 5 reach about 0.05 on validation, near the noise variance 0.04; degree 12 memorises", () => {
    for (const degree of [3, 4, 5]) expect(mse(fit(degree), validation)).toBeLessThan(0.06);
    expect(mse(fit(12), train)).toBeLessThan(0.005);
    expect(mse(fit(12), validation)).toBeGreaterThan(100);
    expect(Math.max(...fit(12).map(Math.abs))).toBeGreaterThan(1000);
  });
});

describe("ridge regression at degree 12", () => {
  it("λ = 0.01 brings validation to about 0.057 and the largest weight to about 2.5; λ = 10 underfits", () => {
    const w = fit(12, 0.01);
    expect(mse(w, validation)).toBeCloseTo(0.057, 2);
    expect(Math.max(...w.map(Math.abs))).toBeCloseTo(2.5, 0);
    const heavy = fit(12, 10);
    expect(mse(heavy, train)).toBeGreaterThan(0.2);
    expect(mse(heavy, validation)).toBeGreaterThan(0.3);
  });

  it("a gradient step on the L2-penalised loss is weight decay, (1 − 2αλ)w − α∇L", () => {
    const w = tf.tensor1d([1.5, -2, 0.3]);
    const dataLoss = (v: tf.Tensor) => v.sub(tf.tensor1d([1, 1, 1])).square().sum();
    const [alpha, lambda] = [0.1, 0.05];
    const full = tf.grad((v: tf.Tensor) => dataLoss(v).add(v.square().sum().mul(lambda)))(w);
    const step = w.sub(full.mul(alpha));
    const decay = w.mul(1 - 2 * alpha * lambda).sub(tf.grad(dataLoss)(w).mul(alpha));
    expect(step.sub(decay).abs().max().dataSync()[0]).toBeLessThan(1e-6);
  });
});

describe("dropout", () => {
  it("keeps about 1 − p of the units, scales them by 1/(1 − p), and is off at inference", () => {
    const h = tf.ones([1, 10000]);
    const layer = tf.layers.dropout({ rate: 0.3, seed: 1 });
    const training = layer.apply(h, { training: true }) as tf.Tensor;
    const kept = training.greater(0).sum().dataSync()[0]!;
    expect(kept / 10000).toBeCloseTo(0.7, 1);
    expect(training.max().dataSync()[0]).toBeCloseTo(1 / 0.7, 5);
    expect(training.mean().dataSync()[0]).toBeCloseTo(1, 1);
    expect((layer.apply(h) as tf.Tensor).mean().dataSync()[0]).toBe(1);
  });
});

describe("early stopping", () => {
  const tensors = (set: { x: number[]; y: number[] }) => [tf.tensor2d(set.x, [set.x.length, 1]), tf.tensor2d(set.y, [set.y.length, 1])] as const;
  const build = () => {
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ units: 128, activation: "relu", inputShape: [1], kernelInitializer: tf.initializers.heNormal({ seed: 1 }) }),
        tf.layers.dense({ units: 128, activation: "relu", kernelInitializer: tf.initializers.heNormal({ seed: 2 }) }),
        tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.heNormal({ seed: 3 }) }),
      ],
    });
    model.compile({ optimizer: tf.train.adam(0.01), loss: "meanSquaredError" });
    return model;
  };

  it("the validation loss bottoms out long before epoch 400 while the training loss keeps falling; patience 20 stops at epoch 115", async () => {
    const [trainX, trainY] = tensors(train);
    const [validationX, validationY] = tensors(validation);
    const history = await build().fit(trainX, trainY, { epochs: 400, batchSize: 15, shuffle: false, validationData: [validationX, validationY], verbose: 0 });
    const losses = history.history.val_loss as number[];
    const best = losses.indexOf(Math.min(...losses));
    expect(best + 1).toBeLessThan(150);
    expect(losses[399]!).toBeGreaterThan(losses[best]! * 1.1);
    expect((history.history.loss as number[])[399]!).toBeLessThan(0.04);

    const stopped = await build().fit(trainX, trainY, {
      epochs: 400, batchSize: 15, shuffle: false, validationData: [validationX, validationY], verbose: 0,
      callbacks: [tf.callbacks.earlyStopping({ monitor: "val_loss", patience: 20 })],
    });
    expect((stopped.history.val_loss as number[]).length).toBe(115);
  }, 60_000);
});
