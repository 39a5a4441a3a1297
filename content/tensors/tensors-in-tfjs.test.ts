/**
 * Checks the tensors lesson: the broadcasting table against real tensors,
 * the reduction shapes, the standardisation and softmax formulas (including
 * the shift that prevents overflow) and the memory counts of the tidy cell.
 */
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

describe("broadcasting", () => {
  it("gives the shapes of the lesson's table, and refuses [4, 3] + [4]", () => {
    const shapeOf = (a: number[], b: number[]) => tf.tidy(() => tf.zeros(a).add(tf.zeros(b)).shape);
    expect(shapeOf([4, 3], [3])).toEqual([4, 3]);
    expect(shapeOf([4, 3], [4, 1])).toEqual([4, 3]);
    expect(shapeOf([4, 1], [1, 3])).toEqual([4, 3]);
    expect(shapeOf([4, 3], [])).toEqual([4, 3]);
    expect(() => shapeOf([4, 3], [4])).toThrow();
  });

  it("column × row builds the grid (i/63)(j/63)", () => {
    const ramp = tf.linspace(0, 1, 64);
    const grid = ramp.reshape([64, 1]).mul(ramp.reshape([1, 64])).arraySync() as number[][];
    expect(grid[10]![20]).toBeCloseTo((10 / 63) * (20 / 63), 6);
    expect(grid[63]![63]).toBeCloseTo(1, 6);
  });

  it("a batch of 32 images of 28 × 28 × 1 has 25,088 elements", () => {
    expect(tf.zeros([32, 28, 28, 1]).size).toBe(25_088);
  });
});

describe("reductions", () => {
  const X = tf.tensor2d([
    [1, 10],
    [2, 20],
    [3, 30],
    [4, 40],
  ]);
  it("mean(0) averages the examples away, mean(1) each row, keepDims keeps a 1", () => {
    expect(X.mean(0).shape).toEqual([2]);
    expect(X.mean(0).arraySync()).toEqual([2.5, 25]);
    expect(X.mean(1).shape).toEqual([4]);
    expect(X.mean(0, true).shape).toEqual([1, 2]);
    expect(X.sum().arraySync()).toBe(110);
  });

  it("standardising with the lesson's formula gives every column mean 0 and standard deviation 1", () => {
    const mu = X.mean(0, true);
    const sigma = X.sub(mu).square().mean(0, true).sqrt();
    const Z = X.sub(mu).div(sigma);
    const { mean, variance } = tf.moments(Z, 0);
    expect(Array.from(mean.dataSync()).every((m) => Math.abs(m) < 1e-6)).toBe(true);
    expect(Array.from(variance.dataSync()).every((v) => Math.abs(v - 1) < 1e-5)).toBe(true);
  });
});

describe("softmax", () => {
  const softmax = (z: tf.Tensor2D) => {
    const shifted = z.sub(z.max(1, true));
    return shifted.exp().div(shifted.exp().sum(1, true));
  };

  it("of (2, 1, 0) is (0.665, 0.245, 0.090), as the lesson says", () => {
    const [p] = softmax(tf.tensor2d([[2, 1, 0]])).arraySync() as number[][];
    expect(p!.map((v) => Number(v.toFixed(3)))).toEqual([0.665, 0.245, 0.09]);
  });

  it("does not change when a constant is subtracted, and the shift keeps large logits finite", () => {
    const z = tf.tensor2d([[0.5, -1, 2, 0]]);
    const shiftedBy30 = softmax(z.add(30) as tf.Tensor2D).dataSync();
    softmax(z).dataSync().forEach((v, k) => expect(shiftedBy30[k]).toBeCloseTo(v, 6));
    const big = tf.tensor2d([[1000, 999, 998]]);
    expect(Array.from(big.exp().div(big.exp().sum(1, true)).dataSync()).some(Number.isNaN)).toBe(true);
    const stable = softmax(big).dataSync();
    expect(Array.from(stable).every(Number.isFinite)).toBe(true);
    expect(stable[0]).toBeCloseTo(1 / (1 + Math.exp(-1) + Math.exp(-2)), 6);
  });

  it("agrees with tf.softmax", () => {
    const z = tf.randomNormal([8, 10], 0, 4, "float32", 3) as tf.Tensor2D;
    const ours = softmax(z).dataSync();
    tf.softmax(z).dataSync().forEach((v, k) => expect(ours[k]).toBeCloseTo(v, 5));
  });
});

describe("memory", () => {
  it("without tidy each step leaves its two intermediates behind; with tidy nothing", () => {
    const x = tf.randomNormal([100, 100]);
    const start = tf.memory().numTensors;
    const leaked: tf.Tensor[] = [];
    for (let step = 0; step < 50; step++) leaked.push(x.relu().square().mean());
    expect(tf.memory().numTensors - start).toBe(150);
    tf.dispose(leaked);
    expect(tf.memory().numTensors - start).toBe(100);
    const before = tf.memory().numTensors;
    for (let step = 0; step < 50; step++) tf.tidy(() => x.relu().square().mean()).dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
