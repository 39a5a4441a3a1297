/**
 * Checks the backpropagation lesson: the one-neuron worked example by hand
 * and by tf.grads, the two-layer backward formulas against tf.grads, the
 * sigmoid derivative's bound and the vanishing-gradient comparison the chart makes.
 */
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

describe("the one-neuron example", () => {
  it("has the forward and backward values the prose gives, and tf.grads agrees", () => {
    const [x, y, w, b] = [2, 1, 0.5, -0.5];
    const z = w * x + b;
    const a = sigmoid(z);
    expect(z).toBe(0.5);
    expect(a).toBeCloseTo(0.6225, 4);
    expect(0.5 * (a - y) ** 2).toBeCloseTo(0.0713, 4);
    expect(a - y).toBeCloseTo(-0.3775, 4);
    expect(a * (1 - a)).toBeCloseTo(0.235, 4);
    const dz = (a - y) * a * (1 - a);
    expect(dz).toBeCloseTo(-0.0887, 4);
    expect(dz * x).toBeCloseTo(-0.1774, 4);
    const [dw, db] = tf.grads((w: tf.Tensor, b: tf.Tensor) => tf.sigmoid(w.mul(x).add(b)).sub(y).square().div(2))([tf.scalar(w), tf.scalar(b)]);
    expect(dw!.dataSync()[0]).toBeCloseTo(dz * x, 5);
    expect(db!.dataSync()[0]).toBeCloseTo(dz, 5);
  });
});

describe("the two-layer backward pass", () => {
  it("matches tf.grads for every parameter, with each parameter's shape", () => {
    const X = tf.randomNormal([8, 3], 0, 1, "float32", 1);
    const Y = tf.randomNormal([8, 1], 0, 1, "float32", 2);
    const W1 = tf.randomNormal([3, 4], 0, 1, "float32", 3);
    const b1 = tf.randomNormal([4], 0, 0.1, "float32", 4);
    const W2 = tf.randomNormal([4, 1], 0, 1, "float32", 5);
    const b2 = tf.scalar(0.1);
    const n = 8;
    const Z1 = X.matMul(W1).add(b1);
    const H = Z1.relu();
    const dYhat = H.matMul(W2).add(b2).sub(Y).div(n);
    const dZ1 = dYhat.matMul(W2.transpose()).mul(Z1.greater(0).toFloat());
    const hand = [X.transpose().matMul(dZ1), dZ1.sum(0), H.transpose().matMul(dYhat), dYhat.sum()];
    const auto = tf.grads((W1: tf.Tensor, b1: tf.Tensor, W2: tf.Tensor, b2: tf.Tensor) =>
      X.matMul(W1).add(b1).relu().matMul(W2).add(b2).sub(Y).square().mean().div(2),
    )([W1, b1, W2, b2]);
    hand.forEach((g, i) => {
      expect(g.shape).toEqual([W1, b1, W2, b2][i]!.shape);
      expect(g.sub(auto[i]!).abs().max().dataSync()[0]).toBeLessThan(1e-5);
    });
  });
});

describe("vanishing gradients", () => {
  it("σ′ peaks at 1/4, and ten such factors are about 1e-6", () => {
    const zs = tf.linspace(-10, 10, 2001);
    const d = tf.sigmoid(zs).mul(tf.scalar(1).sub(tf.sigmoid(zs)));
    expect(d.max().dataSync()[0]).toBeCloseTo(0.25, 6);
    expect(4 ** -10).toBeGreaterThan(5e-7);
    expect(4 ** -10).toBeLessThan(2e-6);
  });

  it("through 12 sigmoid layers the first layer's gradient is orders of magnitude below the last's; with ReLU it is not", () => {
    const depth = 12;
    const width = 16;
    const x = tf.randomNormal([64, width], 0, 1, "float32", 7);
    const weights = Array.from({ length: depth }, (_, i) => tf.randomNormal([width, width], 0, Math.sqrt(2 / width), "float32", 100 + i));
    const norms = (activation: (t: tf.Tensor) => tf.Tensor) =>
      tf.grads((...ws: tf.Tensor[]) => ws.reduce((h, w) => activation(h.matMul(w)), x as tf.Tensor).square().mean())(weights).map((g) => g.norm().dataSync()[0]!);
    const sig = norms((t) => t.sigmoid());
    const relu = norms((t) => t.relu());
    expect(sig[0]! / sig[depth - 1]!).toBeLessThan(1e-4);
    expect(relu[0]! / relu[depth - 1]!).toBeGreaterThan(1e-2);
  });
});
