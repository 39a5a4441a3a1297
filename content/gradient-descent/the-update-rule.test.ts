/**
 * Checks the gradient-descent lesson: the learning-rate table, the derived
 * gradients of the linear-regression loss against tf.grads, the hand-worked
 * step, and the optimizer loop's claim.
 */
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

const value = (t: tf.Tensor) => t.dataSync()[0] ?? Number.NaN;

describe("the learning rate on J(θ) = θ²", () => {
  /** θ₁, θ₂, θ₃ from θ₀ = 1, stepping with the gradient 2θ. */
  const firstSteps = (alpha: number) => {
    const thetas: number[] = [];
    let theta = 1;
    for (let t = 0; t < 3; t++) {
      theta = theta - alpha * 2 * theta;
      thetas.push(theta);
    }
    return thetas;
  };

  it.each([
    [0.01, [0.98, 0.9604, 0.941192]],
    [0.1, [0.8, 0.64, 0.512]],
    [0.5, [0, 0, 0]],
    [0.9, [-0.8, 0.64, -0.512]],
    [1.0, [-1, 1, -1]],
    [1.1, [-1.2, 1.44, -1.728]],
  ])("α = %s gives the table's row", (alpha, expected) => {
    expect(firstSteps(alpha)).toEqual(expected.map((v) => expect.closeTo(v, 9)));
  });

  it("converges exactly when 0 < α < 1 (= 2/L with curvature L = 2)", () => {
    const after = (alpha: number) => Math.abs((1 - 2 * alpha) ** 1000);
    expect(after(0.99)).toBeLessThan(1e-3);
    expect(after(1.01)).toBeGreaterThan(1);
  });
});

describe("linear regression with L = (1/2n) Σ (wxᵢ + b − yᵢ)²", () => {
  const x = tf.tensor1d([1, 2, 3]);
  const y = tf.tensor1d([2, 4, 6]);
  const loss = (w: tf.Tensor, b: tf.Tensor) => x.mul(w).add(b).sub(y).square().mean().div(2) as tf.Scalar;
  const derived = (w: number, b: number) => {
    const error = x.mul(w).add(b).sub(y);
    return { dw: value(error.mul(x).mean()), db: value(error.mean()) };
  };

  it.each([
    [0, 0],
    [0.5, -1],
    [2, 0],
    [3.7, 2.2],
  ])("the derived gradients match tf.grads at w = %s, b = %s", (w, b) => {
    const [dw, db] = tf.grads(loss)([tf.scalar(w), tf.scalar(b)]);
    const mine = derived(w, b);
    expect(value(dw!)).toBeCloseTo(mine.dw, 5);
    expect(value(db!)).toBeCloseTo(mine.db, 5);
  });

  it("the gradient vanishes at the minimum, unlike the wrong formula x − y", () => {
    expect(derived(2, 0)).toEqual({ dw: 0, db: 0 });
    expect(value(x.sub(y).mean())).not.toBe(0);
  });

  it("the hand-worked step: loss 9.333, gradients −9.333 and −4, then w = 0.933, b = 0.4, loss 1.881", () => {
    expect(value(loss(tf.scalar(0), tf.scalar(0)))).toBeCloseTo(9.333, 3);
    const { dw, db } = derived(0, 0);
    expect(dw).toBeCloseTo(-28 / 3, 5);
    expect(db).toBeCloseTo(-4, 5);
    const w = 0 - 0.1 * dw;
    const b = 0 - 0.1 * db;
    expect(w).toBeCloseTo(0.933, 3);
    expect(b).toBeCloseTo(0.4, 6);
    expect(Array.from(x.mul(w).add(b).dataSync())).toEqual([1.333, 2.267, 3.2].map((v) => expect.closeTo(v, 3)));
    expect(value(loss(tf.scalar(w), tf.scalar(b)))).toBeCloseTo(1.881, 3);
  });

  it("tf.train.sgd(0.1) for 1000 steps brings w close to 2 and b close to 0", () => {
    const w = tf.variable(tf.scalar(0));
    const b = tf.variable(tf.scalar(0));
    const optimizer = tf.train.sgd(0.1);
    for (let step = 0; step < 1000; step++) optimizer.minimize(() => loss(w, b));
    expect(value(w)).toBeCloseTo(2, 3);
    expect(value(b)).toBeCloseTo(0, 3);
  });
});
