/**
 * Checks the transformer-block lesson by running its own cells in Node: layer
 * norm against the formula on plain numbers, tf.moments and the built-in
 * layer; causal multi-head attention against a head-by-head reference on
 * plain arrays; GELU against erf and the built-in activation; the block's
 * pre-norm formula and its parameter count; that changing a later token
 * leaves every earlier output exactly unchanged; and the GPT's parameter
 * formula against the counted weights for several configurations. Also that
 * the transformer-block exercise's reference solution is the lesson's block.
 */
import * as tf from "@tensorflow/tfjs";
import { readFileSync } from "node:fs";
import { transform } from "sucrase";
import { beforeAll, describe, expect, it } from "vitest";
import { createLessonKernel } from "@/test/lesson-kernel";

const kernel = createLessonKernel("content/small-gpt/a-transformer-block.mdx");
const scope = globalThis as Record<string, unknown>;
const logs = () => kernel.outputs.flatMap((o) => (o.kind === "log" ? [o.text] : []));
const tables = () => kernel.outputs.flatMap((o) => (o.kind === "table" ? [o] : []));
const table = (column: string) => tables().find((t) => t.columns.includes(column))!;
const maxDifference = (a: tf.Tensor, b: tf.Tensor) => a.sub(b).abs().max().dataSync()[0]!;

type Linear = { w: tf.Tensor; b: tf.Tensor };
type AttentionWeights = { q: Linear; k: Linear; v: Linear; o: Linear };
type Norm = { gamma: tf.Tensor; beta: tf.Tensor };
type BlockWeights = { ln1: Norm; attention: AttentionWeights; ln2: Norm; mlp: { up: Linear; down: Linear } };
type Config = { vocabulary: number; context: number; dModel: number; heads: number; layers: number };

beforeAll(async () => {
  await tf.setBackend("cpu");
  for (const id of ["layer-norm", "attention", "block", "no-leak", "gpt"]) await kernel.run(id);
}, 60_000);

/** γ (x − μ)/√(σ² + ε) + β on plain numbers, σ² with 1/d. */
function layerNormByFormula(x: number[], gamma: number[], beta: number[], epsilon: number) {
  const mean = x.reduce((a, b) => a + b, 0) / x.length;
  const variance = x.reduce((a, b) => a + (b - mean) ** 2, 0) / x.length;
  return x.map((v, i) => (gamma[i]! * (v - mean)) / Math.sqrt(variance + epsilon) + beta[i]!);
}

describe("layer normalisation", () => {
  const layerNorm = () => scope.layerNorm as (x: tf.Tensor, g: tf.Tensor, b: tf.Tensor, e?: number) => tf.Tensor;

  it("matches the formula on plain numbers, with the 1/d variance, for each vector on its own", () => {
    const x = tf.randomNormal([3, 4, 6], 2, 3, "float32", 5);
    const gamma = tf.randomNormal([6], 1, 0.3, "float32", 6);
    const beta = tf.randomNormal([6], 0, 0.3, "float32", 7);
    const got = layerNorm()(x, gamma, beta, 1e-5).reshape([12, 6]).arraySync() as number[][];
    const rows = x.reshape([12, 6]).arraySync() as number[][];
    rows.forEach((row, r) => {
      const expected = layerNormByFormula(row, Array.from(gamma.dataSync()), Array.from(beta.dataSync()), 1e-5);
      expected.forEach((e, i) => expect(got[r]![i]!).toBeCloseTo(e, 4));
    });
  });

  it("uses tf.moments along the last axis: mean 0 and variance σ²/(σ² + ε) before γ and β", () => {
    const x = tf.tensor2d([[1, 2, 3, 4], [10, 10, 10, 10.5]]);
    const y = layerNorm()(x, tf.ones([4]), tf.zeros([4]), 0.01);
    const { mean, variance } = tf.moments(y, -1);
    expect(maxDifference(mean, tf.zeros([2]))).toBeLessThan(1e-6);
    const sigma2 = [1.25, 0.046875];
    (variance.arraySync() as number[]).forEach((v, i) => expect(v).toBeCloseTo(sigma2[i]! / (sigma2[i]! + 0.01), 5));
  });

  it("the lesson's cell: six vectors with mean 0 and variance 1.0000, and the built-in layer agrees", () => {
    const rows = table("variance").rows;
    expect(rows).toHaveLength(6);
    for (const row of rows) {
      expect(Math.abs(Number(row[1]))).toBeLessThan(5e-6);
      expect(row[2]).toBe("1.0000");
    }
    expect(Number(logs()[0]!.split(": ")[1])).toBeLessThan(1e-5);
  });
});

describe("causal multi-head self-attention", () => {
  /** Head by head on plain arrays: softmax over keys k ≤ j of q_j·k_k/√d_k, then Concat · W_O + b_O. */
  function byHeads(x: number[][], w: AttentionWeights, heads: number): number[][] {
    const d = x[0]!.length;
    const dK = d / heads;
    const project = (rows: number[][], { w: W, b }: Linear) => {
      const Wa = W.arraySync() as number[][];
      const ba = Array.from(b.dataSync());
      return rows.map((row) => ba.map((bias, c) => bias + row.reduce((sum, v, i) => sum + v * Wa[i]![c]!, 0)));
    };
    const [Q, K, Vv] = [project(x, w.q), project(x, w.k), project(x, w.v)];
    const concat = x.map((_, j) => {
      const out: number[] = [];
      for (let h = 0; h < heads; h++) {
        const cols = (row: number[]) => row.slice(h * dK, (h + 1) * dK);
        const scores = K.slice(0, j + 1).map((kRow) => cols(Q[j]!).reduce((s, q, c) => s + q * cols(kRow)[c]!, 0) / Math.sqrt(dK));
        const top = Math.max(...scores);
        const e = scores.map((s) => Math.exp(s - top));
        const total = e.reduce((a, b) => a + b, 0);
        for (let c = 0; c < dK; c++) out.push(e.reduce((s, a, k) => s + (a / total) * cols(Vv[k]!)[c]!, 0));
      }
      return out;
    });
    return project(concat, w.o);
  }

  it("equals the head-by-head formula with the mask k ≤ j, for every sequence of a batch", () => {
    const attention = scope.causalSelfAttention as (x: tf.Tensor, w: AttentionWeights, h: number) => tf.Tensor;
    const weights = scope.demoWeights as AttentionWeights;
    const x = scope.sample as tf.Tensor;
    const got = attention(x, weights, 2).arraySync() as number[][][];
    (x.arraySync() as number[][][]).forEach((sequence, s) => {
      const expected = byHeads(sequence, weights, 2);
      expected.flat().forEach((e, i) => expect(got[s]!.flat()[i]!).toBeCloseTo(e, 3));
    });
  });

  it("has 4d² + 4d parameters: the lesson's 288 for d = 8", () => {
    expect(logs()[1]).toBe("x [2,3,8] → MHA(x) [2,3,8]; 288 parameters = 4·8² + 4·8 = 288");
  });
});

describe("the MLP and the block", () => {
  it("GELU(x) = x/2 (1 + erf(x/√2)) equals tf's built-in gelu activation; its minimum is about −0.17 near x = −0.75", () => {
    const gelu = scope.gelu as (x: tf.Tensor) => tf.Tensor;
    const xs = tf.linspace(-4, 4, 801);
    const builtIn = tf.layers.activation({ activation: "gelu" }).apply(xs) as tf.Tensor;
    expect(maxDifference(gelu(xs), builtIn)).toBeLessThan(1e-6);
    const values = Array.from(gelu(xs).dataSync());
    const at = values.indexOf(Math.min(...values));
    expect(Math.min(...values)).toBeCloseTo(-0.17, 2);
    expect(-4 + at * 0.01).toBeCloseTo(-0.75, 1);
    const rows = table("GELU(x)").rows;
    expect(rows.map((r) => r[1])).toEqual(["-0.0040", "-0.1700", "0.0000", "0.8413", "2.9960"]);
  });

  it("the tanh approximation GPT-2 uses is within 0.001 of the exact GELU", () => {
    const gelu = scope.gelu as (x: tf.Tensor) => tf.Tensor;
    const xs = tf.linspace(-6, 6, 1201);
    const approx = xs.mul(0.5).mul(tf.tanh(xs.add(xs.pow(3).mul(0.044715)).mul(Math.sqrt(2 / Math.PI))).add(1));
    expect(maxDifference(gelu(xs), approx)).toBeLessThan(1e-3);
  });

  it("block(x) = a + MLP(LN₂(a)) with a = x + MHA(LN₁(x)), computed from the pieces; 12d² + 13d parameters", () => {
    const block = scope.block as (x: tf.Tensor, w: BlockWeights, h: number) => tf.Tensor;
    const layerNorm = scope.layerNorm as (x: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => tf.Tensor;
    const attention = scope.causalSelfAttention as (x: tf.Tensor, w: AttentionWeights, h: number) => tf.Tensor;
    const linear = scope.linear as (x: tf.Tensor, l: Linear) => tf.Tensor;
    const w = scope.demoBlock as BlockWeights;
    const x = scope.sample as tf.Tensor;
    const a = x.add(attention(layerNorm(x, w.ln1.gamma, w.ln1.beta), w.attention, 2));
    const hidden = linear(layerNorm(a, w.ln2.gamma, w.ln2.beta), w.mlp.up);
    const geluHidden = hidden.mul(0.5).mul(tf.erf(hidden.div(Math.SQRT2)).add(1));
    expect(w.mlp.up.w.shape).toEqual([8, 32]);
    expect(w.mlp.down.w.shape).toEqual([32, 8]);
    expect(maxDifference(block(x, w, 2), a.add(linear(geluHidden, w.mlp.down)))).toBeLessThan(1e-5);
    expect(logs()[2]).toBe("Block: [2,3,8] → [2,3,8]; 872 parameters = 12·8² + 13·8 = 872");
    for (const d of [8, 16, 64]) expect(2 * d + (4 * d * d + 4 * d) + 2 * d + (8 * d * d + 5 * d)).toBe(12 * d * d + 13 * d);
  });

  it("the transformer-block exercise's reference solution computes the lesson's block", () => {
    const source = readFileSync("content/small-gpt/exercises/transformer-block/solution.ts", "utf8");
    const js = transform(source, { transforms: ["typescript"], disableESTransforms: true, production: true }).code;
    const solution = new Function("tf", `${js}\nreturn transformerBlock;`)(tf) as (x: tf.Tensor, w: BlockWeights, h: number) => tf.Tensor;
    const block = scope.block as (x: tf.Tensor, w: BlockWeights, h: number) => tf.Tensor;
    const x = scope.sample as tf.Tensor;
    expect(maxDifference(solution(x, scope.demoBlock as BlockWeights, 2), block(x, scope.demoBlock as BlockWeights, 2))).toBeLessThan(1e-5);
  });
});

describe("causality", () => {
  it("the lesson's cell: positions 0–2 exactly unchanged, 3–5 changed", () => {
    const rows = table("largest change").rows;
    expect(rows.slice(0, 3).map((r) => r[1])).toEqual(["0", "0", "0"]);
    for (const row of rows.slice(3)) expect(Number(row[1])).toBeGreaterThan(1e-4);
    expect(logs()).toContain("positions before 3 unchanged: true");
  });

  it("changing token t + 1 of the whole GPT leaves the logits at positions ≤ t exactly unchanged, for every t", () => {
    const gpt = scope.gpt as (ids: tf.Tensor, w: unknown, h: number) => tf.Tensor;
    const w = scope.tinyWeights;
    const base = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3];
    const before = gpt(tf.tensor2d([base], undefined, "int32"), w, 2).arraySync() as number[][][];
    for (const t of [0, 4, 9, 14]) {
      const ids = [...base];
      ids[t + 1] = (ids[t + 1]! + 11) % 29;
      const after = gpt(tf.tensor2d([ids], undefined, "int32"), w, 2).arraySync() as number[][][];
      for (let p = 0; p <= t; p++) expect(after[0]![p]).toEqual(before[0]![p]);
      expect(after[0]![t + 1]).not.toEqual(before[0]![t + 1]);
    }
  });
});

describe("the whole GPT and its parameters", () => {
  it("the lesson's cell: logits [2, 16, 29]; the parts and 2,381 parameters by count and by formula", () => {
    expect(logs()).toContain("token ids [2,16] → logits [2,16,29]");
    expect(table("formula").rows.map((r) => r[2])).toEqual(["232", "128", "1744", "16", "261"]);
    expect(logs()).toContain("counted from the weights: 2381; by the formula: 2381");
    expect(2 * 29 * 8 + 16 * 8 + 2 * (12 * 64 + 13 * 8) + 16 + 29).toBe(2381);
  });

  it.each([
    [29, 64, 64, 4, 2],
    [50, 10, 12, 3, 3],
    [7, 5, 4, 1, 1],
  ])("V=%i T=%i d=%i h=%i L=%i: the formula equals the weights' count, whatever h", (vocabulary, context, dModel, heads, layers) => {
    const config: Config = { vocabulary, context, dModel, heads, layers };
    const formula = scope.formula as (c: Config) => number;
    const count = scope.count as (w: unknown) => number;
    const blockWeights = scope.blockWeights as (d: number) => BlockWeights;
    const norm = scope.norm as (d: number) => Norm;
    const dense = scope.dense as (a: number, b: number) => Linear;
    const weights = {
      tokens: tf.zeros([vocabulary, dModel]),
      positions: tf.zeros([context, dModel]),
      blocks: Array.from({ length: layers }, () => blockWeights(dModel)),
      lnF: norm(dModel),
      out: dense(dModel, vocabulary),
    };
    expect(formula(config)).toBe(count(weights));
    expect(formula(config)).toBe(2 * vocabulary * dModel + context * dModel + layers * (12 * dModel ** 2 + 13 * dModel) + 2 * dModel + vocabulary);
  });
});
