/**
 * Checks the character-level RNN lesson by running its own cells in Node on
 * the real corpus: the stream and its windows, the parameter count, the
 * batched loss against the column-form network of the previous lesson, the
 * gradients tf.variableGrads gives against the BPTT recursion, a shortened
 * training run (the cell's own code with fewer steps), the evaluation table,
 * generation, and temperature sampling's limits. The full 500-step run, whose
 * numbers the prose quotes, takes a few minutes on the CPU backend: run it
 * with SEQUENCES_FULL_RUN=1.
 */
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { createLessonKernel } from "@/test/lesson-kernel";

const LESSON = "content/sequences/char-rnn.mdx";
const kernel = createLessonKernel(LESSON);
const scope = globalThis as Record<string, unknown>;
const logs = () => kernel.outputs.flatMap((o) => (o.kind === "log" ? [o.text] : []));
const tables = () => kernel.outputs.flatMap((o) => (o.kind === "table" ? [o] : []));
const table = (column: string) => tables().find((t) => t.columns.includes(column))!;
const SHORT_STEPS = 30;

type WindowLoss = (windows: number[][]) => tf.Scalar;
type Draw = (logits: number[], temperature: number, u: number) => number;

beforeAll(async () => {
  await tf.setBackend("cpu");
  for (const id of ["corpus", "window", "model"]) await kernel.run(id);
}, 60_000);

describe("the corpus and its windows", () => {
  it("V = 29, the bigram lesson's tokens; the stream is . s₁ . s₂ . … .", () => {
    expect(scope.V).toBe(29);
    expect((scope.tokens as string[]).join("")).toBe(". 'abcdefghijklmnopqrstuvwxyz");
    const train = scope.train as string[];
    const trainIds = scope.trainIds as number[];
    expect(trainIds.length).toBe(train.slice(0, 10000).reduce((n, s) => n + s.length + 1, 1));
    expect(Math.round((trainIds.length - 1) / 10000 - 1)).toBe(36); // the prose: sentences average about 36 characters
    expect(trainIds[0]).toBe(0);
    expect(trainIds.at(-1)).toBe(0);
    expect(logs()[0]).toMatch(/^V = 29; \d+ training characters from 10,000 sentences; \d+ held-out characters from 3000 sentences$/);
  });

  it("the targets are the inputs shifted by one character", () => {
    const [inputs, targets] = table("text").rows.map((row) => JSON.parse(row[1]!) as string);
    expect(inputs).toHaveLength(32);
    expect(targets).toHaveLength(32);
    expect(inputs!.slice(1)).toBe(targets!.slice(0, 31));
  });

  it("windowsOf cuts a stream into windows of L + 1 that overlap by one, so every character after the first is a target once", () => {
    const windowsOf = scope.windowsOf as (ids: number[]) => number[][];
    const stream = Array.from({ length: 100 }, (_, i) => i);
    const windows = windowsOf(stream);
    expect(windows).toHaveLength(3);
    windows.forEach((w, i) => expect(w).toEqual(stream.slice(32 * i, 32 * i + 33)));
    expect(windows.flatMap((w) => w.slice(1))).toEqual(stream.slice(1, 97));
  });
});

describe("the model", () => {
  it("has 128·29 + 128² + 128 + 29·128 + 29 = 23,965 parameters", () => {
    expect(128 * 29 + 128 * 128 + 128 + 29 * 128 + 29).toBe(23965);
    expect(logs()).toContain("parameters: 23965");
  });

  it("untrained, its held-out loss is close to log V", () => {
    const line = logs().find((l) => l.startsWith("untrained held-out loss"))!;
    const loss = Number(line.match(/loss: ([\d.]+)/)![1]);
    expect(Math.abs(loss - Math.log(29))).toBeLessThan(0.05);
  });

  it("the batched loss is the mean over windows and steps of −log p_t[k_t], by the column form h_t = tanh(W_xh x_t + W_hh h_{t−1} + b)", () => {
    const windowLoss = scope.windowLoss as WindowLoss;
    const [Wxh, Whh, b, Why, c] = ["Wxh", "Whh", "b", "Why", "c"].map((name) => scope[name] as tf.Tensor);
    const windows = (scope.heldOutWindows as number[][]).slice(5, 8);
    let total = 0;
    for (const w of windows) {
      let h: tf.Tensor = tf.zeros([128, 1]);
      for (let t = 0; t < 32; t++) {
        const x = tf.oneHot([w[t]!], 29).reshape([29, 1]).toFloat();
        h = tf.tanh(tf.matMul(Wxh!, x).add(tf.matMul(Whh!, h)).add(b!.reshape([128, 1])));
        const y = tf.matMul(Why!, h).add(c!.reshape([29, 1])).reshape([29]);
        total -= tf.logSoftmax(y).dataSync()[w[t + 1]!]!;
      }
    }
    expect(windowLoss(windows).dataSync()[0]).toBeCloseTo(total / (3 * 32), 4);
  });

  it("tf.variableGrads of the loss equals the BPTT recursion, divided by the B·L predictions", () => {
    const windowLoss = scope.windowLoss as WindowLoss;
    const [Wxh, Whh, b, Why, c] = ["Wxh", "Whh", "b", "Why", "c"].map((name) => scope[name] as tf.Variable);
    const windows = (scope.heldOutWindows as number[][]).slice(20, 22);
    const { grads } = tf.variableGrads(() => windowLoss(windows));
    // The recursion in rows: G_t = (P_t − E_t) W_hy + Δ_{t+1} W_hh, Δ_t = (1 − H_t²) ⊙ G_t.
    const n = windows.length * 32;
    const hs: tf.Tensor[] = [tf.zeros([2, 128])];
    const xs: tf.Tensor[] = [];
    const dys: tf.Tensor[] = [];
    for (let t = 0; t < 32; t++) {
      const x = tf.oneHot(windows.map((w) => w[t]!), 29).toFloat();
      const h = tf.tanh(tf.matMul(x, Wxh!, false, true).add(tf.matMul(hs[t]!, Whh!, false, true)).add(b!));
      const p = tf.softmax(tf.matMul(h, Why!, false, true).add(c!));
      xs.push(x);
      hs.push(h);
      dys.push(p.sub(tf.oneHot(windows.map((w) => w[t + 1]!), 29).toFloat()).div(n));
    }
    let [dWxh, dWhh, db, dWhy, dc] = [tf.zerosLike(Wxh!), tf.zerosLike(Whh!), tf.zerosLike(b!), tf.zerosLike(Why!), tf.zerosLike(c!)] as tf.Tensor[];
    let carry: tf.Tensor = tf.zeros([2, 128]);
    for (let t = 32; t >= 1; t--) {
      const g = tf.matMul(dys[t - 1]!, Why!).add(carry);
      const delta = tf.scalar(1).sub(hs[t]!.square()).mul(g);
      dWxh = dWxh!.add(tf.matMul(delta, xs[t - 1]!, true, false));
      dWhh = dWhh!.add(tf.matMul(delta, hs[t - 1]!, true, false));
      db = db!.add(delta.sum(0));
      dWhy = dWhy!.add(tf.matMul(dys[t - 1]!, hs[t]!, true, false));
      dc = dc!.add(dys[t - 1]!.sum(0));
      carry = tf.matMul(delta, Whh!);
    }
    const pairs: Array<[tf.Variable, tf.Tensor]> = [[Wxh!, dWxh!], [Whh!, dWhh!], [b!, db!], [Why!, dWhy!], [c!, dc!]];
    for (const [variable, byHand] of pairs) {
      const automatic = grads[variable.name]!;
      expect(automatic.shape).toEqual(variable.shape);
      expect(automatic.sub(byHand).abs().max().dataSync()[0]).toBeLessThan(1e-6);
    }
  });

  it("clipping keeps the direction and caps the norm at τ", () => {
    const clip = scope.clipByGlobalNorm as (g: tf.Tensor[], m: number) => { clipped: tf.Tensor[]; norm: number };
    const grads = [tf.tensor1d([3, 0]), tf.tensor2d([[0, 4]])];
    const { clipped, norm } = clip(grads, 1);
    expect(norm).toBe(5);
    expect(clipped[0]!.arraySync()).toEqual([0.6000000238418579, 0]);
    expect((clipped[1]!.arraySync() as number[][])[0]![1]).toBeCloseTo(0.8, 6);
  });
});

describe("training, shortened", () => {
  beforeAll(async () => {
    const code = kernel.code("train");
    expect(code).toContain("const steps = 500;");
    tensorsBefore = tf.memory().numTensors;
    await kernel.run("train", code.replace("const steps = 500;", `const steps = ${SHORT_STEPS};`));
    tensorsAfter = tf.memory().numTensors;
  }, 120_000);
  let [tensorsBefore, tensorsAfter] = [0, 0];

  it("leaves no tensors behind per step: only Adam's two slots per variable and its own counters", () => {
    expect(tensorsAfter - tensorsBefore).toBeLessThanOrEqual(2 * 5 + 4);
  });

  it(`charts the training loss every 10 steps and the held-out loss at step 50s; the loss falls in ${SHORT_STEPS} steps`, () => {
    const points = kernel.outputs.flatMap((o) => (o.kind === "chart-points" ? o.points : []));
    expect(points.map((p) => p.x)).toEqual([10, 20, 30]);
    const training = points.map((p) => p.y[0]!);
    expect(training.at(-1)!).toBeLessThan(training[0]!);
    expect(training.at(-1)!).toBeLessThan(Math.log(29));
    const line = logs().find((l) => l.includes("steps in"))!;
    expect(line).toMatch(new RegExp(`^${SHORT_STEPS} steps in \\d+ s; the gradient norm was above 1 and clipped on \\d+ of them$`));
  });

  it("the evaluation table: uniform log 29, the bigram lesson's numbers, and this RNN with perplexity e^H", async () => {
    // The cell measures all ~3,500 held-out windows; a tenth of them keeps this test short.
    const code = kernel.code("evaluate");
    expect(code).toContain("const heldOutH = measure(heldOutWindows);");
    await kernel.run("evaluate", code.replace("const heldOutH = measure(heldOutWindows);", "const heldOutH = measure(heldOutWindows.filter((_, w) => w % 10 === 0));").replace("windowsOf(trainIds).slice(0, heldOutWindows.length)", "windowsOf(trainIds).slice(0, 350)"));
    const rows = table("perplexity").rows;
    expect(rows.slice(0, 3)).toEqual([
      ["uniform", "3.367", "29.00"],
      ["unigram (bigrams lesson)", "2.933", "18.78"],
      ["bigram, counts + 1 (bigrams lesson)", "2.417", "11.21"],
    ]);
    for (const row of rows) expect(Math.exp(Number(row[1]))).toBeCloseTo(Number(row[2]), 1);
    expect(Number(rows[4]![1])).toBeLessThan(Math.log(29));
    const line = logs().find((l) => l.startsWith("held-out:"))!;
    const predictions = Number(line.match(/^held-out: (\d+) predictions/)![1]);
    const testIds = scope.testIds as number[];
    expect(predictions).toBeGreaterThan(testIds.length - 1 - 32);
    expect(predictions).toBeLessThanOrEqual(testIds.length - 1);
  }, 60_000);

  it("generates four sentences per temperature from the vocabulary; greedy ones are all the same", async () => {
    await kernel.run("generate");
    const rows = table("sentence").rows;
    expect(rows.map((r) => r[0])).toEqual(["0", "0", "0", "0", "0.5", "0.5", "0.5", "0.5", "1", "1", "1", "1", "1.5", "1.5", "1.5", "1.5"]);
    for (const row of rows) {
      expect(row[1]).toMatch(/^[a-z' ]*$/);
      expect(row[1]!.length).toBeLessThanOrEqual(100);
    }
    expect(new Set(rows.slice(0, 4).map((r) => r[1])).size).toBe(1);
  }, 60_000);
});

describe("temperature sampling", () => {
  const draw = () => scope.drawToken as Draw;
  /** The share of a fine grid of u that draws each token: exactly p_i, up to the grid's spacing. */
  const shares = (logits: number[], temperature: number, n = 20000) => {
    const counts = new Array<number>(logits.length).fill(0);
    for (let k = 0; k < n; k++) counts[draw()(logits, temperature, (k + 0.5) / n)]! += 1;
    return counts.map((count) => count / n);
  };
  const softmax = (logits: number[], temperature: number) => {
    const e = logits.map((y) => Math.exp((y - Math.max(...logits)) / temperature));
    const total = e.reduce((a, b) => a + b, 0);
    return e.map((x) => x / total);
  };
  const logits = [1.2, -0.4, 2.5, 0.3, 2.4];

  it("at T = 1 each token is drawn with the softmax's probability; at T = 0.5 and 2 with softmax(y/T)", () => {
    for (const temperature of [1, 0.5, 2]) {
      shares(logits, temperature).forEach((share, i) => expect(Math.abs(share - softmax(logits, temperature)[i]!)).toBeLessThan(1e-4));
    }
  });

  it("p_i/p_j = e^((y_i − y_j)/T)", () => {
    for (const temperature of [0.3, 1, 4]) {
      const p = softmax(logits, temperature);
      expect(p[2]! / p[0]!).toBeCloseTo(Math.exp((2.5 - 1.2) / temperature), 10);
    }
  });

  it("T → 0 is the argmax, and T = 0 is exactly the argmax for every u", () => {
    expect(softmax(logits, 0.01)[2]).toBeGreaterThan(0.9999);
    for (const u of [0, 0.3, 0.999]) expect(draw()(logits, 0, u)).toBe(2);
    // At T = 0.01 the other tokens keep probabilities of 4.5e-5 and less, so u must stay clear of 0 and 1.
    for (const u of [0.001, 0.3, 0.999]) expect(draw()(logits, 0.01, u)).toBe(2);
  });

  it("T → ∞ is uniform", () => {
    shares(logits, 1e6).forEach((share) => expect(share).toBeCloseTo(0.2, 3));
  });
});

describe.runIf(process.env.SEQUENCES_FULL_RUN === "1")("the full training run the prose quotes", () => {
  it("500 steps: the held-out loss and perplexity, against the bigram's", async () => {
    const full = createLessonKernel(LESSON);
    for (const id of ["corpus", "window", "model", "train", "evaluate", "generate"]) await full.run(id);
    const rows = full.outputs.flatMap((o) => (o.kind === "table" && o.columns.includes("perplexity") ? [o.rows] : []))[0]!;
    expect(rows.slice(3)).toEqual([
      ["this RNN, on its training text", "2.011", "7.47"],
      ["this RNN", "2.028", "7.60"],
    ]);
    const fullLogs = full.outputs.flatMap((o) => (o.kind === "log" ? [o.text] : []));
    expect(fullLogs.find((l) => l.includes("steps in"))).toMatch(/^500 steps in \d+ s; the gradient norm was above 1 and clipped on 4 of them$/);
    const points = full.outputs.flatMap((o) => (o.kind === "chart-points" ? o.points : []));
    const heldOutAt50 = points.find((p) => p.x === 50)!.y[1]!;
    expect(heldOutAt50).toBeLessThan(2.417);
    expect(heldOutAt50).toBeCloseTo(2.35, 1);
    for (const p of points.filter((q) => q.x % 50 === 0)) expect(Math.abs(p.y[0]! - p.y[1]!)).toBeLessThan(0.05);
    const samples = full.outputs.flatMap((o) => (o.kind === "table" && o.columns.includes("sentence") ? [o.rows] : []))[0]!;
    expect(samples[0]![1]).toMatch(/^the stappe a dest a stare a dest a stare/);
  }, 1_200_000);
});
