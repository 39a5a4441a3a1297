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

describe("the 2-D surface J = ½(θ₁² + 10θ₂²)", () => {
  const walk = (alpha: number, steps = 40) => {
    let t = [-2.5, 1.5];
    for (let i = 0; i < steps; i++) t = [t[0]! - alpha * t[0]!, t[1]! - alpha * 10 * t[1]!];
    return 0.5 * (t[0]! ** 2 + 10 * t[1]! ** 2);
  };

  it("converges below α = 0.2 and diverges above it; α = 0.1 reaches the valley floor in one step", () => {
    expect(walk(0.19)).toBeLessThan(0.5 * (2.5 ** 2 + 10 * 1.5 ** 2));
    expect(walk(0.19, 400)).toBeLessThan(1e-6);
    expect(walk(0.21)).toBeGreaterThan(1e3);
    expect(1.5 - 0.1 * 10 * 1.5).toBe(0);
  });
});

describe("momentum and Adam", () => {
  const valley = tf.tensor1d([1, 100]);
  const lossOf = (theta: tf.Tensor) => theta.square().mul(valley).sum().mul(0.5) as tf.Scalar;

  it("the lesson's momentum and Adam formulas are tf.train.momentum's and tf.train.adam's", () => {
    const momentumRef = tf.variable(tf.tensor1d([-2.5, 1.5]));
    const adamRef = tf.variable(tf.tensor1d([-2.5, 1.5]));
    const momentum = tf.train.momentum(0.015, 0.9);
    const adam = tf.train.adam(0.1, 0.9, 0.999, 1e-8);
    let [theta, v] = [[-2.5, 1.5], [0, 0]];
    let [phi, m1, m2] = [[-2.5, 1.5], [0, 0], [0, 0]];
    for (let t = 1; t <= 10; t++) {
      momentum.minimize(() => lossOf(momentumRef));
      adam.minimize(() => lossOf(adamRef));
      const g = [theta[0]!, 100 * theta[1]!];
      v = v.map((vi, i) => 0.9 * vi + g[i]!);
      theta = theta.map((ti, i) => ti - 0.015 * v[i]!);
      const h = [phi[0]!, 100 * phi[1]!];
      m1 = m1.map((mi, i) => 0.9 * mi + 0.1 * h[i]!);
      m2 = m2.map((vi, i) => 0.999 * vi + 0.001 * h[i]! ** 2);
      phi = phi.map((pi, i) => pi - (0.1 * (m1[i]! / (1 - 0.9 ** t))) / (Math.sqrt(m2[i]! / (1 - 0.999 ** t)) + 1e-8));
      momentumRef.dataSync().forEach((r, i) => expect(theta[i]).toBeCloseTo(r, 4));
      adamRef.dataSync().forEach((r, i) => expect(phi[i]).toBeCloseTo(r, 4));
    }
  });

  it("on the narrow valley, reach a loss below 1e-3 in the numbers of steps the prose gives", () => {
    const stepsBelow = (optimizer: tf.Optimizer) => {
      const theta = tf.variable(tf.tensor1d([-2.5, 1.5]));
      for (let step = 1; step <= 300; step++) {
        optimizer.minimize(() => lossOf(theta));
        if (lossOf(theta).dataSync()[0]! < 1e-3) return step;
      }
      return Infinity;
    };
    const gd = stepsBelow(tf.train.sgd(0.019));
    const momentum = stepsBelow(tf.train.momentum(0.015, 0.9));
    const adam = stepsBelow(tf.train.adam(0.1));
    expect(gd).toBeGreaterThan(190);
    expect(gd).toBeLessThan(230);
    expect(momentum).toBeGreaterThan(60);
    expect(momentum).toBeLessThan(80);
    expect(adam).toBeGreaterThan(56);
    expect(adam).toBeLessThan(76);
    // 0.019 is the largest stable rate: 2/100 = 0.02.
    expect(stepsBelow(tf.train.sgd(0.021))).toBe(Infinity);
  });
});
