/**
 * Checks the bigrams lesson by running its own cells in Node on the real
 * corpus: the counts and the numbers the prose quotes, that counting is the
 * maximum-likelihood estimate, smoothing, perplexity = exp(mean cross-entropy)
 * = the inverse geometric mean, a uniform model's perplexity equal to V, the
 * grouped loss and its gradient against tf.grad, and that the one-layer
 * network's softmax reaches the counted probabilities.
 */
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { createLessonKernel } from "@/test/lesson-kernel";

const kernel = createLessonKernel("content/text-as-numbers/bigrams.mdx");
const scope = globalThis as Record<string, unknown>;
const tables = () => kernel.outputs.flatMap((o) => (o.kind === "table" ? [o] : []));
const logs = () => kernel.outputs.flatMap((o) => (o.kind === "log" ? [o.text] : []));
const table = (column: string) => tables().find((t) => t.columns.includes(column))!;

let N: number[][];
let V: number;
type CrossEntropy = (probabilities: number[][], sentences: string[]) => number;

beforeAll(async () => {
  await tf.setBackend("cpu");
  for (const id of ["counts", "next-tokens", "sample", "cross-entropy", "perplexity"]) await kernel.run(id);
  N = scope.N as number[][];
  V = scope.V as number;
}, 120_000);

describe("counting", () => {
  it("V = 29 (the boundary . and 28 characters), 1,497,203 bigrams, 146 pairs never seen", () => {
    expect(V).toBe(29);
    expect((scope.tokens as string[]).join("")).toBe(". 'abcdefghijklmnopqrstuvwxyz");
    expect(logs()[0]).toBe("V = 29; 1497203 bigrams counted; 146 of the 841 pairs never occur");
    // T, the number of predictions, is the characters plus one end marker per sentence.
    const train = scope.train as string[];
    expect(train.reduce((total, s) => total + s.length + 1, 0)).toBe(1_497_203);
  });

  it("the next-token table the prose reads: q → u, t → h, sentences start with t then a and h", () => {
    const rows = table("most likely next (probability)").rows;
    expect(rows[0]).toEqual(["q", "u 0.98, i 0.01, . 0.00, a 0.00"]);
    expect(rows[1]![1]).toMatch(/^h 0\.32, space/);
    expect(rows[4]![1]).toMatch(/^t 0\.29, a 0\.20, h 0\.13/);
  });

  it("N_ij / N_i is the maximum-likelihood estimate: any other row gives the training text lower probability", () => {
    const row = N[(scope.idOf as Map<string, number>).get("t")!]!;
    const total = row.reduce((a, b) => a + b, 0);
    const logLikelihood = (p: number[]) => row.reduce((sum, n, j) => sum + (n > 0 ? n * Math.log(p[j]!) : 0), 0);
    const best = logLikelihood(row.map((n) => n / total));
    for (const seed of [1, 2, 3]) {
      const noise = tf.randomUniform([V], 0.5, 1.5, "float32", seed).dataSync();
      const perturbed = row.map((n, j) => (n / total) * noise[j]!);
      const sum = perturbed.reduce((a, b) => a + b, 0);
      expect(logLikelihood(perturbed.map((p) => p / sum))).toBeLessThan(best);
    }
  });

  it("the samples are deterministic and made of the vocabulary", () => {
    const samples = table("sampled from the bigram model").rows.map((r) => r[0]!);
    expect(samples).toHaveLength(6);
    for (const s of samples) expect(s).toMatch(/^[a-z' ]*$/);
  });
});

describe("cross-entropy and smoothing", () => {
  it("add-α rows sum to 1 and give every pair a probability above 0", () => {
    for (const alpha of [0.1, 1, 5]) {
      for (const row of N) {
        const total = row.reduce((a, b) => a + b, 0);
        const p = row.map((n) => (n + alpha) / (total + alpha * V));
        expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
        expect(Math.min(...p)).toBeGreaterThan(0);
      }
    }
  });

  it("the plain counts score +∞ on held-out text, add-one does not; the prose's numbers", () => {
    expect(logs().find((l) => l.includes("held-out predictions are of pairs never seen"))).toMatch(/^[1-9]\d? held-out predictions/);
    expect(table("train H (nats)").rows).toEqual([
      ["counts", "2.4143", "Infinity"],
      ["counts + 1", "2.4144", "2.4172"],
    ]);
  });

  it("H is the mean categorical cross-entropy of tf.losses.softmaxCrossEntropy with log-probabilities as logits", () => {
    const crossEntropy = scope.crossEntropy as CrossEntropy;
    const smoothed = scope.smoothed as number[][];
    const sentences = (scope.test as string[]).slice(0, 50);
    const encode = scope.encode as (s: string) => number[];
    const previous: number[] = [];
    const next: number[] = [];
    for (const s of sentences) {
      const ids = encode(s);
      for (let t = 1; t < ids.length; t++) {
        previous.push(ids[t - 1]!);
        next.push(ids[t]!);
      }
    }
    const logits = tf.gather(tf.tensor2d(smoothed).log(), previous);
    const fromTf = tf.losses.softmaxCrossEntropy(tf.oneHot(next, V), logits).dataSync()[0]!;
    expect(fromTf).toBeCloseTo(crossEntropy(smoothed, sentences), 4);
  });
});

describe("perplexity", () => {
  it("the worked example: probabilities 1/2 and 1/8 give H = 2 log 2 ≈ 1.386 and PPL 4, the geometric mean of 2 and 8", () => {
    const H = -(Math.log(1 / 2) + Math.log(1 / 8)) / 2;
    expect(H).toBeCloseTo(2 * Math.log(2), 12);
    expect(H).toBeCloseTo(1.386, 3);
    expect(Math.exp(H)).toBeCloseTo(4, 10);
    expect(Math.sqrt(2 * 8)).toBe(4);
  });

  it("e^H equals the inverse geometric mean (Π p)^(−1/T)", () => {
    const p = Array.from(tf.randomUniform([40], 0.05, 1, "float32", 9).dataSync());
    const H = -p.reduce((sum, q) => sum + Math.log(q), 0) / p.length;
    expect(Math.exp(H)).toBeCloseTo(p.reduce((prod, q) => prod * q, 1) ** (-1 / p.length), 8);
  });

  it("k equally likely choices including the right one give perplexity k; the uniform model's is V on any text", () => {
    for (const k of [1, 2, 7, 29]) expect(Math.exp(-Math.log(1 / k))).toBeCloseTo(k, 10);
    const crossEntropy = scope.crossEntropy as CrossEntropy;
    const uniform = scope.uniform as number[][];
    expect(Math.exp(crossEntropy(uniform, (scope.train as string[]).slice(0, 100)))).toBeCloseTo(V, 8);
  });

  it("the held-out perplexities the prose quotes: 29, about 19, about 11", () => {
    const rows = table("held-out perplexity").rows;
    expect(rows).toEqual([
      ["uniform", "3.3673", "29.00"],
      ["unigram", "2.9326", "18.78"],
      ["bigram (counts + 1)", "2.4172", "11.21"],
    ]);
    for (const row of rows) expect(Math.exp(Number(row[1]))).toBeCloseTo(Number(row[2]), 1);
  });
});

describe("the same model as a network", () => {
  it("one-hot × W picks out rows of W", () => {
    const W = tf.randomNormal([V, V], 0, 1, "float32", 5);
    const ids = tf.tensor1d([3, 0, 28, 3], "int32");
    expect(tf.matMul(tf.oneHot(ids, V).toFloat(), W).arraySync()).toEqual(tf.gather(W, ids).arraySync());
  });

  it("the loss grouped by pairs equals the mean over one-hot examples, and its gradient is (N_i/T)(p − N_ij/N_i)", () => {
    const encode = scope.encode as (s: string) => number[];
    const sentences = (scope.test as string[]).slice(0, 30);
    const previous: number[] = [];
    const next: number[] = [];
    for (const s of sentences) {
      const ids = encode(s);
      for (let t = 1; t < ids.length; t++) {
        previous.push(ids[t - 1]!);
        next.push(ids[t]!);
      }
    }
    const T = previous.length;
    const counts = Array.from({ length: V }, () => new Array<number>(V).fill(0));
    previous.forEach((i, t) => (counts[i]![next[t]!]! += 1));
    const Nt = tf.tensor2d(counts);
    const W = tf.randomNormal([V, V], 0, 1, "float32", 6);
    const grouped = (w: tf.Tensor) => tf.logSoftmax(w).mul(Nt).sum().div(-T);
    const perExample = tf.losses.softmaxCrossEntropy(tf.oneHot(next, V), tf.matMul(tf.oneHot(previous, V).toFloat(), W));
    expect(grouped(W).dataSync()[0]).toBeCloseTo(perExample.dataSync()[0]!, 4);

    const fromTf = tf.grad(grouped)(W).arraySync() as number[][];
    const p = tf.softmax(W).arraySync() as number[][];
    counts.forEach((row, i) => {
      const Ni = row.reduce((a, b) => a + b, 0);
      row.forEach((n, j) => {
        const formula = Ni === 0 ? 0 : (Ni / T) * (p[i]![j]! - n / Ni);
        expect(fromTf[i]![j]!).toBeCloseTo(formula, 5);
      });
    });
  });

  it("the gradient vanishes at W = log(N_ij / N_i) for rows with no zero counts", () => {
    const counts = [[3, 1, 4], [1, 5, 9], [2, 6, 5]];
    const T = counts.flat().reduce((a, b) => a + b, 0);
    const W = tf.tensor2d(counts.map((row) => row.map((n) => Math.log(n / row.reduce((a, b) => a + b, 0)))));
    const grad = tf.grad((w: tf.Tensor) => tf.logSoftmax(w).mul(tf.tensor2d(counts)).sum().div(-T))(W);
    for (const g of grad.dataSync()) expect(Math.abs(g)).toBeLessThan(1e-6);
  });

  it("the lesson's cell: the trained softmax matches N_ij / N_i within 0.01, and its H the count model's", async () => {
    await kernel.run("network");
    expect(logs()).toContain("one-hot × W equals the rows of W: true");
    const difference = Number(logs().find((l) => l.startsWith("largest difference"))!.split(": ")[1]);
    expect(difference).toBeLessThan(0.01);
    const points = kernel.outputs.flatMap((o) => (o.kind === "chart-points" ? o.points : []));
    expect(points).toHaveLength(30);
    const [networkH, countH] = points.at(-1)!.y as [number, number];
    expect(networkH - countH).toBeGreaterThanOrEqual(-1e-4);
    expect(networkH - countH).toBeLessThan(0.002);
    expect(countH).toBeCloseTo(2.4143, 4);
  }, 120_000);
});
