/**
 * Checks the neurons lesson: the activation derivatives in its table against
 * tf.grad, the collapse of stacked linear layers, the parameter count and the
 * best possible accuracy it quotes, and that the lesson's two architectures,
 * trained as the cells train them, do what the prose says on held-out data.
 */
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { diskAssets } from "@/test/lesson-kernel";
import { createData } from "@/lib/kernel/datasets";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

const data = createData(tf, diskAssets);

describe("activations", () => {
  it("have the derivatives of the table", () => {
    for (const z of [-3, -0.5, 0.7, 2]) {
      const s = 1 / (1 + Math.exp(-z));
      expect(tf.grad((t: tf.Tensor) => tf.sigmoid(t))(tf.scalar(z)).dataSync()[0]).toBeCloseTo(s * (1 - s), 6);
      expect(tf.grad((t: tf.Tensor) => tf.tanh(t))(tf.scalar(z)).dataSync()[0]).toBeCloseTo(1 - Math.tanh(z) ** 2, 6);
      expect(tf.grad((t: tf.Tensor) => tf.relu(t))(tf.scalar(z)).dataSync()[0]).toBe(z > 0 ? 1 : 0);
    }
    // The library's convention at exactly 0.
    expect(tf.grad((t: tf.Tensor) => tf.relu(t))(tf.scalar(0)).dataSync()[0]).toBe(0);
  });

  it("two linear layers are one: (XW₁ + b₁)W₂ + b₂ = X(W₁W₂) + (b₁W₂ + b₂)", () => {
    const X = tf.randomNormal([5, 3], 0, 1, "float32", 1);
    const [W1, b1, W2, b2] = [tf.randomNormal([3, 4], 0, 1, "float32", 2), tf.randomNormal([4], 0, 1, "float32", 3), tf.randomNormal([4, 2], 0, 1, "float32", 4), tf.randomNormal([2], 0, 1, "float32", 5)];
    const stacked = X.matMul(W1).add(b1).matMul(W2).add(b2);
    const single = X.matMul(W1.matMul(W2)).add(b1.reshape([1, 4]).matMul(W2).reshape([2]).add(b2));
    expect(stacked.sub(single).abs().max().dataSync()[0]).toBeLessThan(1e-4);
  });
});

describe("the binary classifier", () => {
  it("has 2,305 parameters", () => {
    const model = tf.sequential({
      layers: [tf.layers.dense({ units: 64, activation: "relu", inputShape: [2] }), tf.layers.dense({ units: 32, activation: "relu" }), tf.layers.dense({ units: 1, activation: "sigmoid" })],
    });
    expect(model.countParams()).toBe(2 * 64 + 64 + 64 * 32 + 32 + 32 + 1);
    expect(model.countParams()).toBe(2305);
  });

  it("cannot beat about 92%: the best boundary misclassifies Φ(−√2) ≈ 8% of points", () => {
    // Φ(−√2) = erfc(1)/2, by numerical integration of the normal density.
    let tail = 0;
    for (let x = Math.SQRT2; x < 12; x += 1e-4) tail += (Math.exp(-(x * x) / 2) / Math.sqrt(2 * Math.PI)) * 1e-4;
    expect(tail).toBeGreaterThan(0.075);
    expect(tail).toBeLessThan(0.082);
  });

  it("trained as in the lesson, is right on at least 80% of held-out points", async () => {
    const { x, y } = data.twoClasses({ n: 100 });
    const [trainX, testX] = tf.split(x, [160, 40]);
    const [trainY, testY] = tf.split(y, [160, 40]);
    expect(testY!.mean().dataSync()[0]).toBe(0.5);
    const model = tf.sequential({
      layers: [tf.layers.dense({ units: 64, activation: "relu", inputShape: [2] }), tf.layers.dense({ units: 32, activation: "relu" }), tf.layers.dense({ units: 1, activation: "sigmoid" })],
    });
    model.compile({ optimizer: tf.train.adam(0.01), loss: "binaryCrossentropy", metrics: ["accuracy"] });
    await model.fit(trainX!, trainY!, { epochs: 30, batchSize: 32, verbose: 0 });
    const [, accuracy] = model.evaluate(testX!, testY!) as tf.Scalar[];
    expect(accuracy!.dataSync()[0]).toBeGreaterThanOrEqual(0.8);
  });
});

describe("the regression network", () => {
  it("trained as in the lesson, predicts held-out prices to within about the noise", async () => {
    const { x, y } = data.houses();
    const [trainX, testX] = tf.split(x, [150, 50]);
    const [trainY, testY] = tf.split(y, [150, 50]);
    const mean = trainX!.mean(0);
    const std = trainX!.sub(mean).square().mean(0).sqrt();
    const scale = (t: tf.Tensor) => t.sub(mean).div(std);
    const model = tf.sequential({
      layers: [tf.layers.dense({ units: 128, activation: "relu", inputShape: [2] }), tf.layers.dense({ units: 64, activation: "relu" }), tf.layers.dense({ units: 1 })],
    });
    model.compile({ optimizer: tf.train.adam(0.01), loss: "meanSquaredError" });
    await model.fit(scale(trainX!), trainY!, { epochs: 100, batchSize: 32, verbose: 0 });
    const rmse = Math.sqrt((model.evaluate(scale(testX!), testY!) as tf.Scalar).dataSync()[0]!);
    expect(rmse).toBeGreaterThan(8);
    expect(rmse).toBeLessThan(20);
  }, 60_000);
});
