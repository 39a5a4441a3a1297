/**
 * Checks the convolution lesson: the worked example and the pooling example
 * against tf.conv2d and tf.maxPool, the cross-correlation formula as written,
 * the output-size table against real tensors, and the parameter counts.
 */
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { createLessonKernel } from "@/test/lesson-kernel";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

const I = [
  [1, 2, 0, 1],
  [0, 1, 3, 1],
  [2, 1, 0, 0],
  [1, 0, 2, 1],
];
const K = [
  [1, 0, -1],
  [1, 0, -1],
  [1, 0, -1],
];
const image = tf.tensor4d(I.flat(), [1, 4, 4, 1]);
const kernel = tf.tensor4d(K.flat(), [3, 3, 1, 1]);

/** The lesson's formula, (I ⋆ K)(i, j) = Σₘ Σₙ I(s·i + m, s·j + n) K(m, n), on plain arrays. */
function crossCorrelate(input: number[][], k: number[][], stride = 1): number[][] {
  const kh = k.length;
  const kw = k[0]!.length;
  const oh = Math.floor((input.length - kh) / stride) + 1;
  const ow = Math.floor((input[0]!.length - kw) / stride) + 1;
  return Array.from({ length: oh }, (_, i) =>
    Array.from({ length: ow }, (_, j) => {
      let sum = 0;
      for (let m = 0; m < kh; m++) for (let n = 0; n < kw; n++) sum += input[stride * i + m]![stride * j + n]! * k[m]![n]!;
      return sum;
    }),
  );
}

describe("the worked example", () => {
  it("the formula and tf.conv2d both give [[0, 2], [-2, 0]]", () => {
    expect(crossCorrelate(I, K)).toEqual([
      [0, 2],
      [-2, 0],
    ]);
    expect(tf.conv2d(image, kernel, 1, "valid").reshape([2, 2]).arraySync()).toEqual([
      [0, 2],
      [-2, 0],
    ]);
  });

  it("tf.conv2d is cross-correlation: true convolution (flipped kernel) differs", () => {
    const flipped = K.map((row) => [...row].reverse()).reverse();
    expect(crossCorrelate(I, flipped)).toEqual([
      [0, -2],
      [2, 0],
    ]);
  });

  it("the formula matches tf.conv2d with stride 2 on a random image", () => {
    const random = tf.randomUniform([1, 9, 9, 1], -1, 1, "float32", 7);
    const k = tf.randomUniform([3, 3, 1, 1], -1, 1, "float32", 8);
    const mine = crossCorrelate(random.reshape([9, 9]).arraySync() as number[][], k.reshape([3, 3]).arraySync() as number[][], 2);
    const theirs = tf.conv2d(random as tf.Tensor4D, k as tf.Tensor4D, 2, "valid").reshape([4, 4]).arraySync() as number[][];
    expect(theirs.flat()).toEqual(mine.flat().map((v) => expect.closeTo(v, 5)));
  });

  it("max pooling gives [[2, 3], [2, 2]]", () => {
    expect(tf.maxPool(image, 2, 2, "valid").reshape([2, 2]).arraySync()).toEqual([
      [2, 3],
      [2, 2],
    ]);
  });
});

describe("output size ⌊(n + 2p − k)/s⌋ + 1", () => {
  const outputSize = (n: number, k: number, p: number, s: number) => Math.floor((n + 2 * p - k) / s) + 1;

  it.each([
    [28, 3, 0, 1, 26],
    [28, 3, 1, 1, 28],
    [28, 5, 2, 1, 28],
    [7, 3, 0, 2, 3],
    [8, 3, 0, 2, 3],
    [32, 5, 0, 1, 28],
  ])("n=%i k=%i p=%i s=%i gives %i, as tf.conv2d does", (n, k, p, s, expected) => {
    expect(outputSize(n, k, p, s)).toBe(expected);
    const input = tf.zeros([1, n, n, 1]) as tf.Tensor4D;
    const filter = tf.zeros([k, k, 1, 1]) as tf.Tensor4D;
    const padding = p === 0 ? "valid" : [[0, 0], [p, p], [p, p], [0, 0]];
    const output = tf.conv2d(input, filter, s, padding as "valid");
    expect(output.shape).toEqual([1, expected, expected, 1]);
  });

  it('"same" padding gives ⌈n/s⌉', () => {
    for (const [n, s] of [
      [28, 1],
      [28, 2],
      [7, 2],
      [9, 3],
    ] as const) {
      const output = tf.conv2d(tf.zeros([1, n, n, 1]) as tf.Tensor4D, tf.zeros([3, 3, 1, 1]) as tf.Tensor4D, s, "same");
      expect(output.shape[1]).toBe(Math.ceil(n / s));
    }
  });
});

describe("parameter counts", () => {
  it("k·k·C_in·C_out + C_out, as a tf.layers model counts them", () => {
    const model = tf.sequential({
      layers: [
        tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 32, kernelSize: 3 }),
        tf.layers.conv2d({ filters: 64, kernelSize: 3 }),
      ],
    });
    expect(model.layers.map((layer) => layer.countParams())).toEqual([320, 18496]);
    expect(784 * 100).toBe(78400);
  });
});

describe("learned filters", () => {
  it("a kernel weight's gradient is the input cross-correlated with the output's gradient", () => {
    const input = tf.randomNormal([1, 6, 6, 1], 0, 1, "float32", 21) as tf.Tensor4D;
    const weights = tf.randomNormal([3, 3, 1, 1], 0, 1, "float32", 22) as tf.Tensor4D;
    // L = Σ O ⊙ D, so ∂L/∂O = D: any output gradient we like.
    const delta = tf.randomNormal([1, 4, 4, 1], 0, 1, "float32", 23);
    const fromTf = tf.grad((k: tf.Tensor) => tf.conv2d(input, k as tf.Tensor4D, 1, "valid").mul(delta).sum())(weights);
    const I = (input.reshape([6, 6]).arraySync() as number[][]);
    const D = (delta.reshape([4, 4]).arraySync() as number[][]);
    const byFormula = crossCorrelate(I, D);
    expect(byFormula.length).toBe(3);
    const got = fromTf.reshape([3, 3]).arraySync() as number[][];
    byFormula.flat().forEach((v, i) => expect(got.flat()[i]).toBeCloseTo(v, 4));
  });

  it("the lesson's cell learns the hidden vertical-edge kernel from 64 digits", async () => {
    const kernel = createLessonKernel("content/convolution/convolution-2d.mdx");
    await kernel.run("learn-kernel");
    const table = kernel.outputs.find((o) => o.kind === "table");
    if (table?.kind !== "table") throw new Error("the cell showed no table");
    const learned = table.rows.map((row) => row.map(Number));
    const hidden = [
      [1, 0, -1],
      [1, 0, -1],
      [1, 0, -1],
    ];
    learned.flat().forEach((v, i) => expect(Math.abs(v - hidden.flat()[i]!)).toBeLessThan(0.02));
    const losses = kernel.outputs.flatMap((o) => (o.kind === "chart-points" ? o.points.map((p) => p.y[0]!) : []));
    expect(losses).toHaveLength(40);
    expect(losses.at(-1)!).toBeLessThan(losses[0]! / 100);
  }, 60_000);
});
