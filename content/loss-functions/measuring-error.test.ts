/**
 * Checks every number the loss-functions lesson states against TensorFlow.js,
 * so the worked examples cannot drift from what the code prints.
 */
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

const value = (t: tf.Tensor) => t.dataSync()[0] ?? Number.NaN;

describe("mean squared and absolute error", () => {
  const y = tf.tensor1d([3, -0.5, 2, 7]);
  const yHat = tf.tensor1d([2.5, 0, 2, 8]);

  it("MSE of the worked example is 0.375, by hand and by tf.losses", () => {
    expect(value(yHat.sub(y).square().mean())).toBeCloseTo(0.375, 6);
    expect(value(tf.losses.meanSquaredError(y, yHat))).toBeCloseTo(0.375, 6);
  });

  it("MAE of the worked example is 0.5", () => {
    expect(value(tf.losses.absoluteDifference(y, yHat))).toBeCloseTo(0.5, 6);
  });

  it("the derivative of MSE in one prediction is (2/n)(ŷᵢ − yᵢ)", () => {
    const grad = tf.grad((p: tf.Tensor) => tf.losses.meanSquaredError(y, p))(yHat);
    const expected = yHat.sub(y).mul(2 / 4);
    expect(Array.from(grad.dataSync())).toEqual(Array.from(expected.dataSync()).map((v) => expect.closeTo(v, 6)));
  });
});

describe("binary cross-entropy", () => {
  const labels = tf.tensor1d([1, 0, 1]);
  const probabilities = tf.tensor1d([0.9, 0.2, 0.6]);

  it("the worked example's terms and mean", () => {
    expect(-Math.log(0.9)).toBeCloseTo(0.1054, 4);
    expect(-Math.log(0.8)).toBeCloseTo(0.2231, 4);
    expect(-Math.log(0.6)).toBeCloseTo(0.5108, 4);
    const formula = labels.mul(probabilities.log()).add(tf.scalar(1).sub(labels).mul(tf.scalar(1).sub(probabilities).log())).mean().neg();
    expect(value(formula)).toBeCloseTo(0.2798, 4);
    expect(value(tf.metrics.binaryCrossentropy(labels, probabilities))).toBeCloseTo(0.2798, 4);
  });

  it("the confidence examples in the prose", () => {
    expect(-Math.log(0.99)).toBeCloseTo(0.01, 2);
    expect(-Math.log(0.01)).toBeCloseTo(4.61, 2);
  });

  it("its gradient on the logit is p̂ − y, and MSE's is 2(p̂ − y)p̂(1 − p̂)", () => {
    const z = tf.tensor1d([-3, -0.5, 0, 1.2, 4]);
    const y = tf.tensor1d([1, 0, 1, 0, 1]);
    const p = tf.sigmoid(z);
    const bce = (logits: tf.Tensor) => {
      const q = tf.sigmoid(logits);
      return y.mul(q.log()).add(tf.scalar(1).sub(y).mul(tf.scalar(1).sub(q).log())).neg().sum();
    };
    const mse = (logits: tf.Tensor) => tf.sigmoid(logits).sub(y).square().sum();
    expectClose(tf.grad(bce)(z), p.sub(y));
    expectClose(tf.grad(mse)(z), p.sub(y).mul(2).mul(p).mul(tf.scalar(1).sub(p)));
  });

  it("the stable form max(z, 0) − zy + log(1 + e^−|z|) equals the definition, and tf's sigmoidCrossEntropy", () => {
    const z = tf.tensor1d([-20, -2, 0, 0.7, 15]);
    const y = tf.tensor1d([0, 1, 1, 0, 1]);
    const stable = z.relu().sub(z.mul(y)).add(z.abs().neg().exp().log1p());
    const p = tf.sigmoid(z);
    const naive = y.mul(p.log()).add(tf.scalar(1).sub(y).mul(tf.scalar(1).sub(p).log())).neg();
    expectClose(stable, naive, 4);
    expect(value(tf.losses.sigmoidCrossEntropy(y, z))).toBeCloseTo(value(stable.mean()), 5);
    // The "check yourself" answer: z = 0, y = 1 gives log 2.
    expect(stable.dataSync()[2]).toBeCloseTo(Math.LN2, 6);
  });
});

describe("categorical cross-entropy", () => {
  const logits = tf.tensor2d([[2.0, 1.0, 0.1]]);
  const oneHot = tf.tensor2d([[1, 0, 0]]);

  it("softmax and loss of the worked example", () => {
    expect(Math.exp(2)).toBeCloseTo(7.389, 3);
    expect(Math.exp(1)).toBeCloseTo(2.718, 3);
    expect(Math.exp(0.1)).toBeCloseTo(1.105, 3);
    expect(Math.exp(2) + Math.exp(1) + Math.exp(0.1)).toBeCloseTo(11.213, 3);
    expectClose(tf.softmax(logits), tf.tensor2d([[0.659, 0.2424, 0.0986]]), 3);
    expect(-Math.log(0.659)).toBeCloseTo(0.417, 3);
    expect(value(tf.losses.softmaxCrossEntropy(oneHot, logits))).toBeCloseTo(0.417, 3);
  });

  it("its gradient on the logits is p̂ − y", () => {
    const loss = (z: tf.Tensor) => tf.logSoftmax(z).mul(oneHot).sum().neg();
    expectClose(tf.grad(loss)(logits), tf.softmax(logits).sub(oneHot));
  });

  it("log-sum-exp gives the same log-probabilities without overflow", () => {
    const big = tf.tensor1d([1000, 999, 990]);
    const m = big.max();
    const logP = big.sub(m).sub(big.sub(m).exp().sum().log());
    expect(Array.from(logP.dataSync()).every(Number.isFinite)).toBe(true);
    expectClose(logP, tf.logSoftmax(big));
    expect(Number.isFinite(value(big.exp().sum()))).toBe(false); // the naive way overflows
  });
});

function expectClose(actual: tf.Tensor, expected: tf.Tensor, digits = 5) {
  expect(actual.shape).toEqual(expected.shape);
  const want = Array.from(expected.dataSync());
  expect(Array.from(actual.dataSync())).toEqual(want.map((v) => expect.closeTo(v, digits)));
}
