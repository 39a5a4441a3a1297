/**
 * Checks the scaled dot-product attention lesson: the worked example by the
 * formula on plain arrays and with tf, the batched form, Var(q·k) = d_k and
 * the saturation the lesson's cell shows, the softmax derivative against
 * tf.grad, the heat maps over the sentence and the causal mask.
 */
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { createLessonKernel } from "@/test/lesson-kernel";

const LESSON = "content/attention/scaled-dot-product-attention.mdx";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

const Q = [
  [1, 0, 1, 0],
  [0, 2, 0, 2],
];
const K = [
  [1, 1, 1, 1],
  [2, 0, 2, 0],
  [0, 1, 0, -1],
];
const V = [
  [1, 0],
  [0, 1],
  [1, 1],
];

/** softmax(QKᵀ/√d_k + M)V exactly as the lesson writes it, on plain arrays: S_ij = Σ_c Q_ic K_jc / √d_k. */
function attentionByFormula(q: number[][], k: number[][], v: number[][], causal = false) {
  const dK = q[0]!.length;
  const S = q.map((qi, i) => k.map((kj, j) => (causal && j > i ? -Infinity : qi.reduce((sum, x, c) => sum + x * kj[c]!, 0) / Math.sqrt(dK))));
  const A = S.map((row) => {
    const max = Math.max(...row);
    const e = row.map((s) => Math.exp(s - max));
    const total = e.reduce((a, b) => a + b, 0);
    return e.map((x) => x / total);
  });
  const O = A.map((row) => v[0]!.map((_, c) => row.reduce((sum, a, j) => sum + a * v[j]![c]!, 0)));
  return { S, A, O };
}

const tfAttention = (q: tf.Tensor, k: tf.Tensor, v: tf.Tensor) => {
  const weights = tf.softmax(tf.matMul(q, k, false, true).div(Math.sqrt(q.shape.at(-1)!)));
  return { weights, output: tf.matMul(weights, v) };
};

describe("the worked example", () => {
  const { S, A, O } = attentionByFormula(Q, K, V);

  it("the scores are [[1, 2, 0], [2, 0, 0]]", () => {
    expect(S).toEqual([
      [1, 2, 0],
      [2, 0, 0],
    ]);
  });

  it("the weights are the lesson's closed forms, ≈ [[0.245, 0.665, 0.090], [0.787, 0.107, 0.107]], and rows sum to 1", () => {
    const e = Math.E;
    const closed = [
      [e, e * e, 1].map((x) => x / (e + e * e + 1)),
      [e * e, 1, 1].map((x) => x / (e * e + 2)),
    ];
    A.flat().forEach((a, i) => expect(a).toBeCloseTo(closed.flat()[i]!, 12));
    expect(A.flat().map((a) => Number(a.toFixed(3)))).toEqual([0.245, 0.665, 0.09, 0.787, 0.107, 0.107]);
    for (const row of A) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it("the output is ≈ [[0.335, 0.755], [0.893, 0.213]], and tf gives the same", () => {
    expect(O.flat().map((o) => Number(o.toFixed(3)))).toEqual([0.335, 0.755, 0.893, 0.213]);
    const { weights, output } = tfAttention(tf.tensor2d(Q), tf.tensor2d(K), tf.tensor2d(V));
    expect(weights.shape).toEqual([2, 3]);
    expect(output.shape).toEqual([2, 2]);
    (weights.arraySync() as number[][]).flat().forEach((w, i) => expect(w).toBeCloseTo(A.flat()[i]!, 6));
    (output.arraySync() as number[][]).flat().forEach((o, i) => expect(o).toBeCloseTo(O.flat()[i]!, 6));
  });

  it("the lesson's first cell prints those weights and outputs", async () => {
    const kernel = createLessonKernel(LESSON);
    await kernel.run("worked-example");
    const output = kernel.outputs.filter((o) => o.kind === "log").map((o) => (o.kind === "log" ? o.text : "")).join("\n");
    expect(output).toContain("0.2447");
    expect(output).toContain("0.8934");
  });
});

describe("shapes", () => {
  it("[n_q, d_k], [n_k, d_k], [n_k, d_v] give weights [n_q, n_k] and output [n_q, d_v], matching the formula", () => {
    const q = tf.randomNormal([3, 8], 0, 1, "float32", 1);
    const k = tf.randomNormal([5, 8], 0, 1, "float32", 2);
    const v = tf.randomNormal([5, 2], 0, 1, "float32", 3);
    const { weights, output } = tfAttention(q, k, v);
    expect(weights.shape).toEqual([3, 5]);
    expect(output.shape).toEqual([3, 2]);
    const byFormula = attentionByFormula(q.arraySync() as number[][], k.arraySync() as number[][], v.arraySync() as number[][]);
    (output.arraySync() as number[][]).flat().forEach((o, i) => expect(o).toBeCloseTo(byFormula.O.flat()[i]!, 5));
  });

  it("leading batch dimensions are kept, and each batch entry is attention on its own", () => {
    const q = tf.randomNormal([2, 3, 4, 8], 0, 1, "float32", 4);
    const k = tf.randomNormal([2, 3, 6, 8], 0, 1, "float32", 5);
    const v = tf.randomNormal([2, 3, 6, 5], 0, 1, "float32", 6);
    const { weights, output } = tfAttention(q, k, v);
    expect(weights.shape).toEqual([2, 3, 4, 6]);
    expect(output.shape).toEqual([2, 3, 4, 5]);
    const slice = (t: tf.Tensor, b: number, h: number) => t.slice([b, h, 0, 0], [1, 1, -1, -1]).squeeze([0, 1]).arraySync() as number[][];
    const one = attentionByFormula(slice(q, 1, 2), slice(k, 1, 2), slice(v, 1, 2));
    slice(output, 1, 2).flat().forEach((o, i) => expect(o).toBeCloseTo(one.O.flat()[i]!, 5));
  });
});

describe("why divide by √d_k", () => {
  it("Var(x / c) = Var(x) / c², so the scaled dot product has variance d_k / d_k = 1", () => {
    const x = tf.randomNormal([20000], 0, 3, "float32", 9);
    const c = 8;
    const raw = tf.moments(x).variance.dataSync()[0]!;
    const scaled = tf.moments(x.div(c)).variance.dataSync()[0]!;
    expect(scaled).toBeCloseTo(raw / (c * c), 5);
  });

  it("the softmax derivative is A_i(δ_ij − A_j), against tf.grad", () => {
    const s = tf.tensor1d([0.3, -1.2, 2.0, 0.5]);
    const A = tf.softmax(s).arraySync() as number[];
    for (let i = 0; i < 4; i++) {
      const row = tf.grad((scores: tf.Tensor) => tf.softmax(scores).slice([i], [1]).sum())(s).arraySync() as number[];
      row.forEach((g, j) => expect(g).toBeCloseTo(A[i]! * ((i === j ? 1 : 0) - A[j]!), 6));
    }
  });

  it("its trace Σ A_i(1 − A_i) equals 1 − Σ A_i²: 1 − 1/n for uniform weights and 0 for one-hot", () => {
    // In double precision, where Σ A_i = 1 holds to rounding (float32 weights sum to 1 only within 1e-7).
    const [A] = attentionByFormula([[1]], [[0.3], [-1.2], [2.0], [0.5]], [[0], [0], [0], [0]]).A;
    if (!A) throw new Error("no weights");
    const trace = A.reduce((sum, a) => sum + a * (1 - a), 0);
    expect(trace).toBeCloseTo(1 - A.reduce((sum, a) => sum + a * a, 0), 12);
    const uniform = Array(8).fill(1 / 8) as number[];
    expect(uniform.reduce((sum, a) => sum + a * (1 - a), 0)).toBeCloseTo(1 - 1 / 8, 12);
    expect([1, 0, 0].reduce((sum, a) => sum + a * (1 - a), 0)).toBe(0);
  });

  it("the lesson's cell: Var(q·k) ≈ d_k, scaled ≈ 1, and only the unscaled softmax saturates", async () => {
    const kernel = createLessonKernel(LESSON);
    await kernel.run("why-scale");
    const table = kernel.outputs.find((o) => o.kind === "table");
    if (table?.kind !== "table") throw new Error("the cell showed no table");
    const column = (name: string) => table.rows.map((row) => Number(row[table.columns.indexOf(name)]));
    const dims = column("d_k");
    expect(dims).toEqual([4, 16, 64, 256, 1024]);
    column("Var(q·k)").forEach((v, i) => expect(Math.abs(v / dims[i]! - 1)).toBeLessThan(0.1));
    column("Var(q·k/√d_k)").forEach((v) => expect(Math.abs(v - 1)).toBeLessThan(0.1));
    const maxRaw = column("largest weight, unscaled");
    const maxScaled = column("largest weight, scaled");
    maxRaw.slice(1).forEach((v, i) => expect(v).toBeGreaterThan(maxRaw[i]!));
    expect(maxRaw.at(-1)!).toBeGreaterThan(0.9);
    expect(Math.max(...maxScaled) - Math.min(...maxScaled)).toBeLessThan(0.05);
    expect(column("1 − ΣA², unscaled").at(-1)!).toBeLessThan(0.1);
    column("1 − ΣA², scaled").forEach((v) => expect(v).toBeGreaterThan(0.6));
    const points = kernel.outputs.flatMap((o) => (o.kind === "chart-points" ? o.points : []));
    expect(points.map((p) => p.x)).toEqual([2, 4, 6, 8, 10]);
  }, 60_000);
});

describe("the sentence and the causal mask", () => {
  const tokens = ["the", "cat", "sat", "on", "the", "mat", "because", "it", "was", "tired"];

  async function heatMaps() {
    const kernel = createLessonKernel(LESSON);
    await kernel.run("sentence-heat-map");
    await kernel.run("causal-heat-map");
    const maps = kernel.outputs.flatMap((o) => (o.kind === "heatmap" ? [o] : []));
    // The weights to two decimals, as each square of the heat map shows them.
    const tables = maps.map((map) => map.values.map((row) => row.map((w) => Number(w.toFixed(2)))));
    const logs = kernel.outputs.flatMap((o) => (o.kind === "log" ? [o.text] : []));
    return { maps, tables, logs };
  }

  it("without a mask, sat/it/was/tired attend to cat with weight 0.67 and each 'the' splits 0.28/0.28 between the nouns", async () => {
    const { maps, tables, logs } = await heatMaps();
    expect(maps.map((map) => [map.rows, map.columns, map.min, map.max])).toEqual(Array(2).fill([tokens, tokens, 0, 1]));
    const plain = tables[0]!;
    expect(plain).toHaveLength(10);
    for (const word of ["sat", "it", "was", "tired"]) expect(plain[tokens.indexOf(word)]![1]).toBe(0.67);
    for (const i of [0, 4]) {
      expect(plain[i]![1]).toBe(0.28);
      expect(plain[i]![5]).toBe(0.28);
    }
    expect(logs[0]).toBe('"it" gathered: noun 0.80, animate 0.67, pronoun 0.03');
  }, 30_000);

  it("with the causal mask, entries above the diagonal are exactly 0 and rows sum to 1", async () => {
    const { tables, logs } = await heatMaps();
    const causal = tables[1]!;
    causal.forEach((row, i) => row.forEach((w, j) => (j > i ? expect(w).toBe(0) : undefined)));
    expect(causal[0]![0]).toBe(1);
    expect(logs).toContain("entries above the diagonal: 45, all exactly 0: true");
    expect(logs).toContain(`row sums: ${Array(10).fill("1.0000").join(", ")}`);
  }, 30_000);

  it("adding −1e9 gives exactly the weights of adding −∞, and the same as the formula's causal attention", () => {
    const q = tf.randomNormal([5, 4], 0, 1, "float32", 7);
    const k = tf.randomNormal([5, 4], 0, 1, "float32", 8);
    const v = tf.randomNormal([5, 3], 0, 1, "float32", 9);
    const scores = tf.matMul(q, k, false, true).div(2);
    const allowed = tf.linalg.bandPart(tf.ones([5, 5]), -1, 0);
    const big = tf.softmax(scores.add(tf.scalar(1).sub(allowed).mul(-1e9)));
    const inf = tf.softmax(tf.where(allowed.cast("bool"), scores, tf.fill([5, 5], -Infinity)));
    expect(big.arraySync()).toEqual(inf.arraySync());
    const byFormula = attentionByFormula(q.arraySync() as number[][], k.arraySync() as number[][], v.arraySync() as number[][], true);
    (big.arraySync() as number[][]).flat().forEach((w, i) => expect(w).toBeCloseTo(byFormula.A.flat()[i]!, 6));
    (tf.matMul(big, v).arraySync() as number[][]).flat().forEach((o, i) => expect(o).toBeCloseTo(byFormula.O.flat()[i]!, 5));
  });

  it("zeroing weights after the softmax leaves rows that sum to less than 1", () => {
    const scores = tf.randomNormal([4, 4], 0, 1, "float32", 10);
    const zeroed = tf.softmax(scores).mul(tf.linalg.bandPart(tf.ones([4, 4]), -1, 0));
    const sums = zeroed.sum(1).arraySync() as number[];
    sums.slice(0, 3).forEach((s) => expect(s).toBeLessThan(1 - 1e-3));
    expect(sums[3]).toBeCloseTo(1, 5);
  });
});
