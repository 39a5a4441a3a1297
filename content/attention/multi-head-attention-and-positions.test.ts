/**
 * Checks the multi-head attention and positions lesson: multi-head attention
 * by heads and by split/merge, its parameter count, permutation equivariance,
 * every stated property of the sinusoidal table, the learned table's gradient
 * against tf.grad, and the recurrence comparison (counts, and the gradient
 * through a recurrence against the product of its Jacobians).
 */
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { createLessonKernel } from "@/test/lesson-kernel";

const LESSON = "content/attention/multi-head-attention-and-positions.mdx";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

const attention = (q: tf.Tensor, k: tf.Tensor, v: tf.Tensor) =>
  tf.matMul(tf.softmax(tf.matMul(q, k, false, true).div(Math.sqrt(q.shape.at(-1)!))), v);

const maxDifference = (a: tf.Tensor, b: tf.Tensor) => a.sub(b).abs().max().dataSync()[0]!;

/** The sinusoidal table exactly as the lesson defines it, in double precision. */
function sinusoidal(length: number, dModel: number): number[][] {
  return Array.from({ length }, (_, pos) =>
    Array.from({ length: dModel }, (_, column) => {
      const angle = pos / Math.pow(10000, (2 * Math.floor(column / 2)) / dModel);
      return column % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
    }),
  );
}
const dot = (a: number[], b: number[]) => a.reduce((sum, x, j) => sum + x * b[j]!, 0);

describe("multi-head attention", () => {
  function multiHead(X: tf.Tensor, W: tf.Tensor[], h: number) {
    const [b, n, dModel] = X.shape as [number, number, number];
    const dK = dModel / h;
    const [WQ, WK, WV, WO] = W as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor];
    const project = (t: tf.Tensor, M: tf.Tensor) => tf.matMul(t.reshape([b * n, dModel]), M).reshape([b, n, M.shape[1]!]);
    const split = (t: tf.Tensor) => t.reshape([b, n, h, dK]).transpose([0, 2, 1, 3]);
    const merge = (t: tf.Tensor) => t.transpose([0, 2, 1, 3]).reshape([b, n, h * dK]);
    const heads = attention(split(project(X, WQ)), split(project(X, WK)), split(project(X, WV)));
    return { heads, output: project(merge(heads), WO) };
  }
  function byHeads(X: tf.Tensor, W: tf.Tensor[], h: number, sequence: number) {
    const [, n, dModel] = X.shape as [number, number, number];
    const dK = dModel / h;
    const x = X.slice([sequence, 0, 0], [1, n, dModel]).reshape([n, dModel]);
    const cols = (M: tf.Tensor, i: number) => M.slice([0, i * dK], [dModel, dK]);
    const heads = Array.from({ length: h }, (_, i) => attention(tf.matMul(x, cols(W[0]!, i)), tf.matMul(x, cols(W[1]!, i)), tf.matMul(x, cols(W[2]!, i))));
    return tf.matMul(tf.concat(heads, 1), W[3]!);
  }

  it.each([
    [1, 5, 8, 2],
    [2, 7, 12, 3],
    [3, 4, 16, 4],
    [2, 6, 16, 1],
  ])("b=%i n=%i d_model=%i h=%i: heads [b, h, n, d_k], output [b, n, d_model], equal to Concat(head_1…head_h) W_O", (b, n, dModel, h) => {
    const X = tf.randomNormal([b, n, dModel], 0, 1, "float32", 1);
    const W = [2, 3, 4, 5].map((seed) => tf.randomNormal([dModel, dModel], 0, 1 / Math.sqrt(dModel), "float32", seed));
    const { heads, output } = multiHead(X, W, h);
    expect(heads.shape).toEqual([b, h, n, dModel / h]);
    expect(output.shape).toEqual([b, n, dModel]);
    for (let s = 0; s < b; s++) {
      expect(maxDifference(output.slice([s, 0, 0], [1, n, dModel]).reshape([n, dModel]), byHeads(X, W, h, s))).toBeLessThan(1e-5);
    }
  });

  it("has 3·h·d_model·(d_model/h) + h·(d_model/h)·d_model = 4·d_model² weights: 1,048,576 for d_model = 512, h = 8", () => {
    const count = (dModel: number, h: number) => 3 * h * dModel * (dModel / h) + h * (dModel / h) * dModel;
    for (const [dModel, h] of [[512, 8], [512, 1], [768, 12], [8, 2]] as const) expect(count(dModel, h)).toBe(4 * dModel * dModel);
    expect(count(512, 8)).toBe(1048576);
  });

  it("a reshape alone does not split heads: it differs from slicing columns", () => {
    const x = tf.tensor3d([[[0, 1, 2, 3], [4, 5, 6, 7]]]);
    expect(x.reshape([1, 2, 2, 2]).transpose([0, 2, 1, 3]).arraySync()).toEqual([[[[0, 1], [4, 5]], [[2, 3], [6, 7]]]]);
    expect(x.reshape([1, 2, 2, 2]).arraySync()).not.toEqual([[[[0, 1], [4, 5]], [[2, 3], [6, 7]]]]);
  });

  it("the lesson's cell: the fast and head-by-head layers agree, with 256 weights", async () => {
    const kernel = createLessonKernel(LESSON);
    await kernel.run("multi-head");
    const logs = kernel.outputs.flatMap((o) => (o.kind === "log" ? [o.text] : []));
    expect(logs[0]).toBe("X [1,5,8] → Q split into heads [1,2,5,4] → heads [1,2,5,4] → merged [1,5,8] → output [1,5,8]");
    expect(Number(logs[1]!.split(": ")[1])).toBeLessThan(1e-5);
    expect(logs[2]).toBe("parameters: 4 · 8² = 256");
  });
});

describe("order", () => {
  it("softmax(P S Pᵀ) = P softmax(S) Pᵀ and SelfAttention(PX) = P SelfAttention(X) for a permutation P", () => {
    const n = 6;
    const order = [3, 0, 5, 1, 4, 2];
    const P = tf.oneHot(tf.tensor1d(order, "int32"), n).toFloat();
    const S = tf.randomNormal([n, n], 0, 1, "float32", 31);
    expect(maxDifference(tf.softmax(P.matMul(S).matMul(P, false, true)), P.matMul(tf.softmax(S)).matMul(P, false, true))).toBeLessThan(1e-6);
    const X = tf.randomNormal([n, 8], 0, 1, "float32", 32);
    const [WQ, WK, WV] = [33, 34, 35].map((seed) => tf.randomNormal([8, 8], 0, 0.5, "float32", seed));
    const selfAttention = (x: tf.Tensor) => attention(x.matMul(WQ!), x.matMul(WK!), x.matMul(WV!));
    expect(maxDifference(selfAttention(P.matMul(X)), P.matMul(selfAttention(X)))).toBeLessThan(1e-5);
  });

  it("the lesson's cell finds the reversed tokens give the reversed outputs", async () => {
    const kernel = createLessonKernel(LESSON);
    await kernel.run("multi-head");
    await kernel.run("order-blind");
    const log = kernel.outputs.flatMap((o) => (o.kind === "log" ? [o.text] : [])).at(-1)!;
    expect(Number(log.split(": ")[1])).toBeLessThan(1e-5);
  });
});

describe("sinusoidal positional encodings", () => {
  const dModel = 64;
  const PE = sinusoidal(100, dModel);
  const omega = (i: number) => 1 / Math.pow(10000, (2 * i) / dModel);

  it("row 0 is 0, 1, 0, 1, …; every entry is in [−1, 1]", () => {
    expect(PE[0]).toEqual(Array.from({ length: dModel }, (_, c) => (c % 2 === 0 ? 0 : 1)));
    expect(PE.flat().every((v) => v >= -1 && v <= 1)).toBe(true);
  });

  it("frequencies fall from ω_0 = 1 (wavelength 2π) to nearly 1/10000 (wavelength nearly 2π·10000)", () => {
    expect(omega(0)).toBe(1);
    const last = omega(dModel / 2 - 1);
    expect(last).toBeGreaterThan(1 / 10000);
    expect(last).toBeLessThan(2 / 10000);
    for (let i = 1; i < dModel / 2; i++) expect(omega(i) / omega(i - 1)).toBeCloseTo(Math.pow(10000, -2 / dModel), 12);
  });

  it("every row has length √(d_model/2)", () => {
    for (const row of PE) expect(Math.sqrt(dot(row, row))).toBeCloseTo(Math.sqrt(dModel / 2), 12);
  });

  it("moving k positions rotates each pair by ω_i·k, from any position", () => {
    for (const [pos, k] of [[0, 1], [10, 7], [40, 33], [3, 90]] as const) {
      for (let i = 0; i < dModel / 2; i++) {
        const [s, c] = [PE[pos]![2 * i]!, PE[pos]![2 * i + 1]!];
        const a = omega(i) * k;
        expect(Math.cos(a) * s + Math.sin(a) * c).toBeCloseTo(PE[pos + k]![2 * i]!, 10);
        expect(-Math.sin(a) * s + Math.cos(a) * c).toBeCloseTo(PE[pos + k]![2 * i + 1]!, 10);
      }
    }
  });

  it("PE_pos · PE_pos+k = Σ cos(ω_i k): independent of pos, d_model/2 at k = 0", () => {
    for (const k of [0, 1, 5, 30]) {
      const expected = Array.from({ length: dModel / 2 }, (_, i) => Math.cos(omega(i) * k)).reduce((a, b) => a + b, 0);
      for (const pos of [0, 5, 30, 60]) expect(dot(PE[pos]!, PE[pos + k]!)).toBeCloseTo(expected, 9);
    }
    expect(dot(PE[7]!, PE[7]!)).toBeCloseTo(dModel / 2, 10);
  });

  it("the lesson's cell: rows of length √32, the rotation check, and the two similarity curves agree from 32 at k = 0 to about 17 at k = 30", async () => {
    const kernel = createLessonKernel(LESSON);
    await kernel.run("sinusoidal");
    const logs = kernel.outputs.flatMap((o) => (o.kind === "log" ? [o.text] : []));
    expect(logs[0]).toBe("every row's length is between 5.6569 and 5.6569; √(d/2) = 5.6569");
    expect(Number(logs[1]!.split(": ")[1])).toBeLessThan(1e-9);
    const [rotated, later] = logs[2]!.match(/\[[^\]]+\]/g)!;
    expect(rotated).toBe(later);
    const points = kernel.outputs.flatMap((o) => (o.kind === "chart-points" ? o.points : []));
    expect(points).toHaveLength(31);
    for (const p of points) expect(p.y[0]!).toBeCloseTo(p.y[1]!, 9);
    expect(points[0]!.y[0]).toBeCloseTo(32, 9);
    expect(Math.round(points[30]!.y[0]!)).toBe(17);
    expect(kernel.outputs.filter((o) => o.kind === "image")).toHaveLength(1);
  });

  it("the cell's table follows the formula", async () => {
    const kernel = createLessonKernel(LESSON);
    await kernel.run("sinusoidal");
    const table = (globalThis as unknown as { table: number[][] }).table;
    const expected = sinusoidal(64, 64);
    expect(table).toHaveLength(64);
    table.flat().forEach((v, i) => expect(v).toBeCloseTo(expected.flat()[i]!, 12));
  });
});

describe("learned positional embeddings", () => {
  it("∂L/∂P_pos = ∂L/∂(x_pos + P_pos) for used rows and exactly 0 for the rest, against tf.grad", () => {
    const P = tf.randomNormal([8, 6], 0, 0.1, "float32", 41);
    const x = tf.randomNormal([5, 6], 0, 1, "float32", 42);
    const [WQ, WK, WV] = [43, 44, 45].map((seed) => tf.randomNormal([6, 6], 0, 0.5, "float32", seed));
    const loss = (input: tf.Tensor) => attention(input.matMul(WQ!), input.matMul(WK!), input.matMul(WV!)).square().mean();
    const byTable = tf.grad((table: tf.Tensor) => loss(x.add(table.slice([0, 0], [5, 6]))))(P);
    const byInput = tf.grad(loss)(x.add(P.slice([0, 0], [5, 6])));
    expect(maxDifference(byTable.slice([0, 0], [5, 6]), byInput)).toBeLessThan(1e-7);
    expect(byTable.slice([5, 0], [3, 6]).arraySync()).toEqual(Array(3).fill(Array(6).fill(0)));
  });

  it("the lesson's cell: rows 0–4 get a gradient, rows 5–7 exactly 0", async () => {
    const kernel = createLessonKernel(LESSON);
    await kernel.run("multi-head");
    await kernel.run("order-blind");
    await kernel.run("learned-positions");
    const table = kernel.outputs.find((o) => o.kind === "table");
    if (table?.kind !== "table") throw new Error("the cell showed no table");
    const sizes = table.rows.map((row) => Number(row[1]));
    expect(sizes).toHaveLength(8);
    sizes.slice(0, 5).forEach((s) => expect(s).toBeGreaterThan(0));
    expect(sizes.slice(5)).toEqual([0, 0, 0]);
  });

  it("BERT-base's table has 512 · 768 = 393,216 parameters", () => {
    const table = tf.layers.embedding({ inputDim: 512, outputDim: 768 });
    table.apply(tf.zeros([1, 1]));
    expect(table.countParams()).toBe(512 * 768);
    expect(512 * 768).toBe(393216);
  });
});

describe("self-attention against recurrence", () => {
  it("2n²d and 2nd² are equal at n = d, attention cheaper below", () => {
    const d = 512;
    const att = (n: number) => 2 * n * n * d;
    const rnn = (n: number) => 2 * n * d * d;
    expect(att(d)).toBe(rnn(d));
    expect(att(128)).toBeLessThan(rnn(128));
    expect(att(1024)).toBeGreaterThan(rnn(1024));
  });

  it("QKᵀ and AV take n·n·d multiply-adds each: tf.matMul's shapes", () => {
    const [n, d] = [6, 4];
    const Q = tf.ones([n, d]);
    const S = tf.matMul(Q, Q, false, true);
    expect(S.shape).toEqual([n, n]); // n·n entries, each a sum of d products
    expect(S.dataSync()[0]).toBe(d);
    expect(tf.matMul(S, tf.ones([n, d])).shape).toEqual([n, d]); // n·d entries, each a sum of n products
  });

  it("the gradient through a recurrence is the product of its Jacobians, against tf.grad", () => {
    // Scalar recurrence h_t = tanh(w_h h_{t−1} + w_x x_t): ∂h_n/∂x_1 = w_x (1 − h_1²) Π_{t=2..n} w_h (1 − h_t²).
    const [wh, wx] = [0.9, 1.3];
    const xs = [0.5, -0.2, 0.8, 0.1, -0.6, 0.3];
    const hs: number[] = [];
    let h = 0;
    for (const x of xs) hs.push((h = Math.tanh(wh * h + wx * x)));
    let product = wx * (1 - hs[0]! ** 2);
    for (let t = 1; t < xs.length; t++) product *= wh * (1 - hs[t]! ** 2);
    const grad = tf.grad((x: tf.Tensor) => {
      let state: tf.Tensor = tf.scalar(0);
      for (let t = 0; t < xs.length; t++) state = tf.tanh(state.mul(wh).add(x.slice([t], [1]).reshape([]).mul(wx)));
      return state;
    })(tf.tensor1d(xs));
    expect(grad.dataSync()[0]).toBeCloseTo(product, 6);
    expect(Math.abs(product)).toBeLessThan(1);
  });

  it("the lesson's cell: the curves cross at n = 512; recurrence loses ~9 orders of magnitude by n = 40, attention about one", async () => {
    const kernel = createLessonKernel(LESSON);
    await kernel.run("multi-head");
    await kernel.run("attention-vs-recurrence");
    const points = kernel.outputs.flatMap((o) => (o.kind === "chart-points" ? o.points : []));
    const logs = kernel.outputs.flatMap((o) => (o.kind === "log" ? [o.text] : []));
    expect(logs.slice(-3)).toEqual([
      "n = 128: attention 16,777,216, recurrence 67,108,864 multiply-adds",
      "n = 512: attention 268,435,456, recurrence 268,435,456 multiply-adds",
      "n = 1024: attention 1,073,741,824, recurrence 536,870,912 multiply-adds",
    ]);
    const crossing = points.find((p) => p.x === 512)!;
    expect(crossing.y[0]).toBe(crossing.y[1]);
    const table = kernel.outputs.find((o) => o.kind === "table");
    if (table?.kind !== "table") throw new Error("the cell showed no table");
    const recurrent = table.rows.map((row) => Number(row[1]));
    const viaAttention = table.rows.map((row) => Number(row[2]));
    expect(recurrent[0]! / recurrent.at(-1)!).toBeGreaterThan(1e8);
    expect(viaAttention[0]! / viaAttention.at(-1)!).toBeLessThan(20);
    expect(viaAttention[0]! / viaAttention.at(-1)!).toBeGreaterThan(2);
  }, 60_000);
});
