/**
 * Checks the linear-regression lesson on the lesson's own seeded houses: the
 * matrix gradient against tf.grads, the normal equations against the rule
 * that made the data, training on standardised features against the exact
 * solution (after converting the weights back), and the learning-rate limit
 * the prose gives for raw features.
 */
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { diskAssets } from "@/test/lesson-kernel";
import { createData, HOUSE_PRICE } from "@/lib/kernel/datasets";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

const { x, y } = createData(tf, diskAssets).houses();
const n = x.shape[0];

/** The lesson's solver: Gaussian elimination with partial pivoting, in float64. */
function solve(A: number[][], c: number[]): number[] {
  const size = c.length;
  for (let col = 0; col < size; col++) {
    let pivot = col;
    for (let row = col + 1; row < size; row++) if (Math.abs(A[row]![col]!) > Math.abs(A[pivot]![col]!)) pivot = row;
    [A[col], A[pivot]] = [A[pivot]!, A[col]!];
    [c[col], c[pivot]] = [c[pivot]!, c[col]!];
    for (let row = col + 1; row < size; row++) {
      const factor = A[row]![col]! / A[col]![col]!;
      for (let k = col; k < size; k++) A[row]![k]! -= factor * A[col]![k]!;
      c[row]! -= factor * c[col]!;
    }
  }
  const theta = new Array<number>(size).fill(0);
  for (let row = size - 1; row >= 0; row--) {
    let sum = c[row]!;
    for (let k = row + 1; k < size; k++) sum -= A[row]![k]! * theta[k]!;
    theta[row] = sum / A[row]![row]!;
  }
  return theta;
}

const Xb = tf.concat([x, tf.ones([n, 1])], 1);
const exact = solve(Xb.transpose().matMul(Xb).arraySync() as number[][], (Xb.transpose().matMul(y).arraySync() as number[][]).map((r) => r[0]!));

describe("the houses", () => {
  it("are 200 seeded sales with area 40–200 m² and age 0–60 years", () => {
    expect(x.shape).toEqual([200, 2]);
    const [minArea, minAge] = x.min(0).arraySync() as number[];
    const [maxArea, maxAge] = x.max(0).arraySync() as number[];
    expect(minArea).toBeGreaterThanOrEqual(40);
    expect(maxArea).toBeLessThan(200);
    expect(minAge).toBeGreaterThanOrEqual(0);
    expect(maxAge).toBeLessThan(60);
    expect(createData(tf, diskAssets).houses().y.arraySync()).toEqual(y.arraySync());
  });
});

describe("the gradient", () => {
  it("(1/n) Xᵀe and the mean error equal tf.grads", () => {
    const w = tf.tensor2d([[3], [-2]]);
    const b = tf.scalar(100);
    const [autoW, autoB] = tf.grads((w: tf.Tensor, b: tf.Tensor) => x.matMul(w).add(b).sub(y).square().mean().div(2))([w, b]);
    const error = x.matMul(w).add(b).sub(y);
    const handW = x.transpose().matMul(error).div(n).dataSync();
    autoW!.dataSync().forEach((v, i) => expect(handW[i]).toBeCloseTo(v, 1));
    expect(error.mean().dataSync()[0]).toBeCloseTo(autoB!.dataSync()[0]!, 3);
  });
});

describe("the normal equations", () => {
  it("recover the rule behind the data, within what the noise allows", () => {
    expect(exact[0]).toBeCloseTo(HOUSE_PRICE.area, 1);
    expect(Math.abs(exact[1]! - HOUSE_PRICE.age)).toBeLessThan(0.15);
    expect(Math.abs(exact[2]! - HOUSE_PRICE.base)).toBeLessThan(6);
  });

  it("make the gradient zero", () => {
    const residual = Xb.matMul(tf.tensor2d(exact, [3, 1])).sub(y);
    const gradient = Xb.transpose().matMul(residual).div(n).dataSync();
    // Relative to the gradient at zero, the gradient at the solution vanishes.
    const atZero = Xb.transpose().matMul(y.neg()).div(n).abs().max().dataSync()[0]!;
    for (const g of gradient) expect(Math.abs(g) / atZero).toBeLessThan(1e-4);
  });
});

describe("training", () => {
  it("on standardised features, 100 steps at α = 0.5 converge to the exact fit once converted back", () => {
    const mu = x.mean(0, true);
    const sigma = x.sub(mu).square().mean(0, true).sqrt();
    const z = x.sub(mu).div(sigma);
    let w: tf.Tensor = tf.zeros([2, 1]);
    let b: tf.Tensor = tf.scalar(0);
    for (let step = 0; step < 100; step++) {
      const error = z.matMul(w).add(b).sub(y);
      w = w.sub(z.transpose().matMul(error).div(n).mul(0.5));
      b = b.sub(error.mean().mul(0.5));
    }
    const wOriginal = w.div(sigma.reshape([2, 1]));
    const bOriginal = b.sub(wOriginal.mul(mu.reshape([2, 1])).sum());
    const [w1, w2] = wOriginal.dataSync();
    expect(w1).toBeCloseTo(exact[0]!, 2);
    expect(w2).toBeCloseTo(exact[1]!, 2);
    expect(bOriginal.dataSync()[0]).toBeCloseTo(exact[2]!, 0);
  });

  it("tf.train.sgd reaches the exact fit's error, which is about the noise (σ = 12)", () => {
    const mu = x.mean(0);
    const z = x.sub(mu).div(x.sub(mu).square().mean(0).sqrt());
    const w = tf.variable(tf.zeros([2, 1]));
    const b = tf.variable(tf.scalar(0));
    const optimizer = tf.train.sgd(0.5);
    for (let step = 0; step < 100; step++) optimizer.minimize(() => z.matMul(w).add(b).sub(y).square().mean().div(2) as tf.Scalar);
    const trained = z.matMul(w).add(b).sub(y).square().mean().dataSync()[0]!;
    const best = Xb.matMul(tf.tensor2d(exact, [3, 1])).sub(y).square().mean().dataSync()[0]!;
    expect(trained / best).toBeCloseTo(1, 3);
    expect(Math.sqrt(best)).toBeGreaterThan(9);
    expect(Math.sqrt(best)).toBeLessThan(15);
  });

  it("on raw features, the stable learning rate is about 1e-4: 2/λmax of the loss's curvature", () => {
    const curvature = Xb.transpose().matMul(Xb).div(n);
    // Largest eigenvalue by power iteration.
    let v: tf.Tensor = tf.ones([3, 1]);
    for (let i = 0; i < 100; i++) v = curvature.matMul(v).div(curvature.matMul(v).norm());
    const lambdaMax = v.transpose().matMul(curvature).matMul(v).dataSync()[0]!;
    const limit = 2 / lambdaMax;
    expect(limit).toBeGreaterThan(5e-5);
    expect(limit).toBeLessThan(2e-4);
    const lossAfter = (rate: number) => {
      let theta: tf.Tensor = tf.zeros([3, 1]);
      for (let step = 0; step < 50; step++) theta = theta.sub(Xb.transpose().matMul(Xb.matMul(theta).sub(y)).div(n).mul(rate));
      return Xb.matMul(theta).sub(y).square().mean().dataSync()[0]!;
    };
    const initial = y.square().mean().dataSync()[0]!;
    expect(lossAfter(limit * 1.2)).toBeGreaterThan(initial);
    expect(lossAfter(limit * 0.5)).toBeLessThan(initial);
  });
});
