/**
 * Checks the word-vectors lesson: one-hot distances, the embedding layer as
 * a lookup, the skip-gram loss and its three gradients against tf.grad, the
 * training cell on the real corpus (deterministic, its loss going down), the
 * neighbours and analogies the prose claims, cosine similarity, and the
 * projection's principal components.
 */
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { createLessonKernel } from "@/test/lesson-kernel";

const kernel = createLessonKernel("content/text-as-numbers/word-vectors.mdx");
const scope = globalThis as Record<string, unknown>;
const tables = () => kernel.outputs.flatMap((o) => (o.kind === "table" ? [o] : []));
const logs = () => kernel.outputs.flatMap((o) => (o.kind === "log" ? [o.text] : []));
const table = (column: string) => tables().find((t) => t.columns.includes(column))!;

beforeAll(async () => {
  await tf.setBackend("cpu");
  for (const id of ["one-hot", "embedding-layer", "train-vectors", "neighbours", "analogies", "projection"]) await kernel.run(id);
}, 120_000);

describe("one-hot vectors", () => {
  it("different words have dot product 0 and distance √2", () => {
    expect(table("cat").rows).toEqual([
      ["cat", "1", "0", "0"],
      ["dog", "0", "1", "0"],
      ["the", "0", "0", "1"],
    ]);
    const e = tf.oneHot(tf.tensor1d([0, 1], "int32"), 29).toFloat();
    expect(tf.norm(e.slice([0, 0], [1, 29]).sub(e.slice([1, 0], [1, 29]))).dataSync()[0]).toBeCloseTo(Math.SQRT2, 6);
  });
});

describe("the embedding layer", () => {
  it("is one-hot × E and a row lookup, with V·d parameters", () => {
    expect(logs()).toContain("embedding layer output equals one-hot × E: true");
    expect(logs()).toContain("and equals tf.gather(E, ids): true");
    expect(logs()).toContain("parameters: V·d = 15");
  });

  it("only the looked-up rows receive a gradient", () => {
    const E = tf.randomNormal([6, 3], 0, 1, "float32", 2);
    const grad = tf.grad((e: tf.Tensor) => tf.gather(e, [1, 4, 1]).square().sum())(E).arraySync() as number[][];
    [0, 2, 3, 5].forEach((row) => expect(grad[row]).toEqual([0, 0, 0]));
    expect(grad[1]!.some((v) => v !== 0)).toBe(true);
  });
});

describe("the skip-gram loss", () => {
  const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

  it("d/dx(−log σ(x)) = σ(x) − 1", () => {
    const x = tf.tensor1d([-5, -1, 0, 0.5, 3]);
    const grad = tf.grad((t: tf.Tensor) => tf.softplus(t.neg()).sum())(x).dataSync();
    Array.from(x.dataSync()).forEach((v, i) => expect(grad[i]).toBeCloseTo(sigmoid(v) - 1, 5));
  });

  it("its gradients in v_c, u_o and each u_nk are the three formulas", () => {
    const d = 6;
    const K = 4;
    const vc = tf.randomNormal([d], 0, 1, "float32", 11);
    const uo = tf.randomNormal([d], 0, 1, "float32", 12);
    const un = tf.randomNormal([K, d], 0, 1, "float32", 13);
    const loss = (v: tf.Tensor, u: tf.Tensor, n: tf.Tensor) =>
      tf.softplus(u.mul(v).sum().neg()).add(tf.softplus(tf.matMul(n, v.reshape([d, 1])).reshape([K])).sum());
    const [gv, gu, gn] = tf.grads(loss)([vc, uo, un]).map((g) => g.arraySync()) as [number[], number[], number[][]];
    const v = vc.arraySync() as number[];
    const u = uo.arraySync() as number[];
    const n = un.arraySync() as number[][];
    const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);
    const sPlus = dot(u, v);
    const sMinus = n.map((row) => dot(row, v));
    v.forEach((_, i) => {
      const formula = (sigmoid(sPlus) - 1) * u[i]! + sMinus.reduce((s, sk, k) => s + sigmoid(sk) * n[k]![i]!, 0);
      expect(gv[i]).toBeCloseTo(formula, 4);
      expect(gu[i]).toBeCloseTo((sigmoid(sPlus) - 1) * v[i]!, 4);
      sMinus.forEach((sk, k) => expect(gn[k]![i]).toBeCloseTo(sigmoid(sk) * v[i]!, 4));
    });
    // The loss itself is −log σ(s⁺) − Σ log σ(−s⁻ₖ).
    const direct = -Math.log(sigmoid(sPlus)) - sMinus.reduce((s, sk) => s + Math.log(sigmoid(-sk)), 0);
    expect(loss(vc, uo, un).dataSync()[0]).toBeCloseTo(direct, 4);
  });
});

describe("training on the corpus", () => {
  it("is deterministic and its loss falls every pass", () => {
    const losses = kernel.outputs.flatMap((o) => (o.kind === "chart-points" ? o.points.map((p) => p.y[0]!) : []));
    expect(losses).toHaveLength(5);
    for (let i = 1; i < losses.length; i++) expect(losses[i]!).toBeLessThan(losses[i - 1]!);
    expect(losses[0]).toBeCloseTo(2.8393, 3);
    expect(losses[4]).toBeCloseTo(2.4706, 3);
    expect(logs()).toContain("trained 3000 word vectors of length 32");
  });

  it("draws negatives from a distribution ∝ count^¾ that sums to 1", () => {
    const cumulative = scope.cumulative as number[];
    expect(cumulative.at(-1)).toBeCloseTo(1, 10);
    const frequency = scope.frequency as number[];
    const weight = (w: number) => frequency[w]! ** 0.75;
    const total = frequency.reduce((s, _, w) => s + weight(w), 0);
    expect(cumulative[0]).toBeCloseTo(weight(0) / total, 10);
  });

  it("the neighbours the prose describes: numbers, colours, man → woman, water → ice; rare words arbitrary", () => {
    const rows = new Map(table("nearest (cosine)").rows.map((row) => [row[0]!, { count: Number(row[1]), nearest: row[2]!.split(", ").map((x) => x.split(" ")[0]!) }]));
    expect(rows.get("two")!.nearest.slice(0, 3).sort()).toEqual(["four", "six", "three"]);
    expect(rows.get("red")!.nearest).toEqual(expect.arrayContaining(["blue", "green"]));
    expect(rows.get("man")!.nearest.slice(0, 4)).toEqual(["woman", "girl", "lady", "boy"]);
    expect(rows.get("water")!.nearest.slice(0, 3)).toEqual(["ice", "air", "sea"]);
    expect(rows.get("walked")!.nearest).toEqual(expect.arrayContaining(["threw", "pushed", "sat"]));
    expect(rows.get("monday")!.count).toBe(12);
    expect(rows.get("king")!.count).toBe(52);
    expect(rows.get("king")!.nearest).not.toContain("queen");
  });

  it("cosine similarity as the lesson computes it equals a·b / (|a| |b|) from tfjs", () => {
    const nearest = scope.nearest as (target: number[], exclude: string[], n?: number) => Array<{ word: string; cosine: number }>;
    const vectorOf = scope.vectorOf as (word: string) => number[];
    const [best] = nearest(vectorOf("two"), ["two"], 1);
    const a = tf.tensor1d(vectorOf("two"));
    const b = tf.tensor1d(vectorOf(best!.word));
    expect(best!.cosine).toBeCloseTo(a.dot(b).div(a.norm().mul(b.norm())).dataSync()[0]!, 5);
  });

  it("the analogies: he : she :: his / him : her work; man : woman :: king : queen fails", () => {
    const rows = table("top three").rows;
    expect(rows[0]![2]!.split(", ")[0]).toBe("her");
    expect(rows[1]![2]!.split(", ")[0]).toBe("her");
    expect(rows[4]![2]).not.toContain("queen");
    expect(rows[3]![2]).not.toContain("daughter");
  });
});

describe("the projection", () => {
  it("uses two orthonormal eigenvectors of the chosen words' covariance, the first with the larger eigenvalue", () => {
    const first = scope.first as number[];
    const second = scope.second as number[];
    const centred = scope.centred as number[][];
    const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);
    expect(dot(first, first)).toBeCloseTo(1, 6);
    expect(dot(second, second)).toBeCloseTo(1, 6);
    expect(Math.abs(dot(first, second))).toBeLessThan(1e-6);
    const X = tf.tensor2d(centred);
    const covariance = tf.matMul(X, X, true, false).div(centred.length);
    const eigen = (v: number[]) => {
      const Cv = tf.matMul(covariance, tf.tensor2d(v, [v.length, 1])).reshape([v.length]).arraySync() as number[];
      const lambda = dot(Cv, v);
      Cv.forEach((x, i) => expect(x).toBeCloseTo(lambda * v[i]!, 3));
      return lambda;
    };
    expect(eigen(first)).toBeGreaterThan(eigen(second));
  });

  it("the clusters the prose describes: numbers right, colours low, family left", () => {
    const rows = table("component 1").rows.map((row) => ({ group: row[1]!, x: Number(row[2]), y: Number(row[3]) }));
    const mean = (group: string, key: "x" | "y") => {
      const members = rows.filter((r) => r.group === group);
      return members.reduce((s, r) => s + r[key], 0) / members.length;
    };
    expect(rows).toHaveLength(24);
    expect(mean("numbers", "x")).toBeGreaterThan(0.5);
    expect(mean("family", "x")).toBeLessThan(-0.5);
    expect(mean("colours", "y")).toBeLessThan(-0.5);
    expect(Math.abs(mean("movement", "x"))).toBeLessThan(Math.abs(mean("numbers", "x")));
    // The scatter plot draws the same points, labelled with their words, in their groups.
    const scatter = kernel.outputs.find((o) => o.kind === "scatter");
    expect(scatter?.kind === "scatter" && scatter.points.map((p) => [p.label, p.group, p.x.toFixed(2), p.y.toFixed(2)])).toEqual(
      table("component 1").rows.map((row) => [row[0], row[1], row[2], row[3]]),
    );
  });
});
