/**
 * Checks the tokens lesson by running its own cells in Node on the real
 * corpus: every count the prose states (sentences, words, the 28-symbol
 * character vocabulary, Zipf's table, the coverage of held-out words), the
 * BPE worked example merge by merge against the pair-count formula, and the
 * corpus BPE's vocabulary size and lossless encoding.
 */
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { createLessonKernel } from "@/test/lesson-kernel";

const kernel = createLessonKernel("content/text-as-numbers/tokens.mdx");
const scope = globalThis as Record<string, unknown>;
type Steps = Array<{ step: number; merge: string; count: number; words?: string }>;
type LearnBpe = (counts: Map<string, number>, merges: number) => { learned: Array<[string, string]>; steps: Steps };

const tables = () => kernel.outputs.flatMap((o) => (o.kind === "table" ? [o] : []));
const logs = () => kernel.outputs.flatMap((o) => (o.kind === "log" ? [o.text] : []));

beforeAll(async () => {
  await tf.setBackend("cpu");
  for (const id of ["first-ids", "corpus", "characters", "words", "coverage", "bpe-by-hand"]) await kernel.run(id);
}, 60_000);

describe("text in, numbers out", () => {
  it("the first cell encodes and decodes the sentence exactly, with the space as id 0", () => {
    expect(logs()[0]).toBe('vocabulary (13 symbols): " abceghinorst"');
    expect(logs()[2]).toBe("decoded: she is training to be a teacher");
  });
});

describe("the corpus", () => {
  it("has 40,041 training and 3,000 held-out sentences, 1.46 million characters and 259,233 words", () => {
    const [counts] = tables();
    expect(counts!.rows).toEqual([
      ["sentences", "40041", "3000"],
      ["characters", "1457162", "109865"],
      ["words", "259233", "19542"],
    ]);
    expect(1457162 / 40041).toBeCloseTo(36.4, 1);
    expect(259233 / 40041).toBeCloseTo(6.5, 1);
  });

  it("has 28 characters: 26 letters, the apostrophe and the space", () => {
    expect((scope.characterVocabulary as string[]).join("")).toBe(" 'abcdefghijklmnopqrstuvwxyz");
  });
});

describe("words and Zipf's law", () => {
  it("29,350 distinct words, 14,804 of them once; rank × count stays within 2 × 10⁴ to 3 × 10⁴", () => {
    expect(logs()).toContain("29350 different words; 14804 of them occur only once");
    const zipf = tables().find((t) => t.columns.includes("rank × count"))!;
    const products = zipf.rows.map((row) => Number(row[3]));
    for (const product of products) {
      expect(product).toBeGreaterThanOrEqual(19_000);
      expect(product).toBeLessThanOrEqual(30_000);
    }
    const counts = zipf.rows.map((row) => Number(row[2]));
    expect(counts[0]! / counts.at(-1)!).toBeGreaterThan(1000);
  });

  it("the coverage table the prose quotes: 45% with 100 words, 5.9% unknown with all of them", () => {
    const coverage = tables().find((t) => t.columns.includes("held-out words covered"))!;
    expect(coverage.rows).toEqual([
      ["100", "45.0%"],
      ["1000", "65.7%"],
      ["5000", "82.2%"],
      ["10000", "87.7%"],
      ["29350", "94.1%"],
    ]);
  });
});

describe("byte-pair encoding", () => {
  /** The lesson's formula c(a, b) = Σ_w n_w · |{i : s_i = a, s_{i+1} = b}|, written independently. */
  const pairCount = (spelt: string[][], n: number[], a: string, b: string) =>
    spelt.reduce((total, s, w) => total + n[w]! * s.slice(1).filter((symbol, i) => s[i] === a && symbol === b).length, 0);

  it("the pair table of the worked example matches the formula", () => {
    const spelt = ["low", "lower", "newest", "widest"].map((word) => [...word, "_"]);
    const n = [5, 2, 6, 3];
    const table: Array<[string, string, number]> = [
      ["e", "s", 9], ["s", "t", 9], ["t", "_", 9], ["w", "e", 8], ["l", "o", 7], ["o", "w", 7], ["n", "e", 6], ["e", "w", 6],
      ["w", "_", 5], ["w", "i", 3], ["i", "d", 3], ["d", "e", 3], ["e", "r", 2], ["r", "_", 2],
    ];
    for (const [a, b, count] of table) expect(pairCount(spelt, n, a, b)).toBe(count);
    // Every pair there is, is in the table.
    const all = new Set(spelt.flatMap((s) => s.slice(1).map((symbol, i) => `${s[i]} ${symbol}`)));
    expect(all.size).toBe(table.length);
  });

  it("the ten merges the prose walks through, each the most frequent pair with ties to the first met", () => {
    const steps = (tables().find((t) => t.columns.includes("merge") && t.columns.includes("words"))!).rows;
    expect(steps.map((row) => row[1])).toEqual([
      "e + s → es", "es + t → est", "est + _ → est_", "l + o → lo", "lo + w → low",
      "n + e → ne", "ne + w → new", "new + est_ → newest_", "low + _ → low_", "w + i → wi",
    ]);
    expect(steps.map((row) => Number(row[2]))).toEqual([9, 9, 9, 7, 7, 6, 6, 6, 5, 3]);
    expect(steps.at(-1)![3]).toBe("low_ · low e r _ · newest_ · wi d est_");
    // Each merge's count is the formula's count of that pair in the words before it.
    let spelt = ["low", "lower", "newest", "widest"].map((word) => [...word, "_"]);
    const merge = scope.applyMerge as (s: string[], a: string, b: string) => string[];
    for (const row of steps) {
      const [a, b] = row[1]!.split(" → ")[0]!.split(" + ") as [string, string];
      expect(pairCount(spelt, [5, 2, 6, 3], a, b)).toBe(Number(row[2]));
      spelt = spelt.map((s) => merge(s, a, b));
    }
  });

  it("merging never overlaps: (a, a) turns a a a into aa a", () => {
    expect((scope.applyMerge as (s: string[], a: string, b: string) => string[])(["a", "a", "a"], "a", "a")).toEqual(["aa", "a"]);
  });

  it("stops when every word is one symbol", () => {
    const { learned } = (scope.learnBpe as LearnBpe)(new Map([["ab", 3]]), 10);
    expect(learned).toEqual([["a", "b"], ["ab", "_"]]);
  });

  it("on the corpus: 5,805 frequent words (85.5%), the first merges the prose names, V = 228, lossless", async () => {
    await kernel.run("bpe-corpus");
    expect(logs()).toContain("5805 words occur at least 5 times: 85.5% of the training text");
    const first = tables().find((t) => t.columns.join() === "step,merge,count")!;
    expect(first.rows.slice(0, 5).map((row) => row[1])).toEqual(["e + _ → e_", "t + h → th", "s + _ → s_", "th + e_ → the_", "d + _ → d_"]);
    expect(logs().at(-1)).toMatch(/^V = 228; held out: [\d.]+ tokens a word/);
    // 28 starting symbols plus one per merge, and decoding (joining, markers to spaces) gives the text back.
    const encode = scope.encodeBpe as (text: string, learned: Array<[string, string]>) => string[];
    const { learned } = scope.corpusMerges as { learned: Array<[string, string]> };
    expect(learned).toHaveLength(200);
    for (const sentence of (scope.test as string[]).slice(0, 200)) {
      expect(encode(sentence, learned).join("").replace(/_/g, " ").trim()).toBe(sentence);
    }
  }, 120_000);
});
