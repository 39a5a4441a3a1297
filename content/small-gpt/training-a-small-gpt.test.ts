/**
 * Checks the training lesson by running its own cells in Node on the real
 * corpus, with a small configuration and a few training steps (the lesson's
 * own configuration is built too, to check its parameter counts): the data
 * streams and validation windows; the built-in-layers model against the
 * previous lesson's formula computed from its own weights (layer norm, causal
 * heads, GELU MLP, residuals, final norm and output); its parameter formula;
 * that padding after the last real position changes nothing; the bigram and
 * uniform baselines on the same held-out predictions; the GPT-2 and GPT-3
 * numbers; and that the saved model passes the service's upload check, loads
 * back unchanged and generates through a stand-in for the service's endpoint.
 */
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { readInstances } from "@/lib/serving/instances";
import { readModelFiles } from "@/lib/serving/model-files";
import { toModelJson } from "@/lib/kernel/model-json";
import { createLessonKernel } from "@/test/lesson-kernel";

const kernel = createLessonKernel("content/small-gpt/training-a-small-gpt.mdx");
const scope = globalThis as Record<string, unknown>;
const logs = () => kernel.outputs.flatMap((o) => (o.kind === "log" ? [o.text] : []));
const tables = () => kernel.outputs.flatMap((o) => (o.kind === "table" ? [o] : []));
const table = (column: string) => tables().findLast((t) => t.columns.includes(column))!;

const FULL = "const config = { vocabulary: V, context: 64, dModel: 64, heads: 4, layers: 2 };";
const SMALL = { vocabulary: 29, context: 16, dModel: 16, heads: 2, layers: 2 };
type Config = typeof SMALL;
const model = () => scope.model as tf.LayersModel;

/** A cell of the lesson with some of its text replaced, failing loudly if the text is not there. */
function edited(id: string, replacements: [string, string][]): string {
  let code = kernel.code(id);
  for (const [from, to] of replacements) {
    expect(code, `cell ${id} no longer contains ${from}`).toContain(from);
    code = code.replace(from, to);
  }
  return code;
}

beforeAll(async () => {
  await tf.setBackend("cpu");
  await kernel.run("data", edited("data", [
    [FULL, `const config = { vocabulary: V, context: ${SMALL.context}, dModel: ${SMALL.dModel}, heads: ${SMALL.heads}, layers: ${SMALL.layers} };`],
    ["const VALIDATION_WINDOWS = 200;", "const VALIDATION_WINDOWS = 40;"],
  ]));
  await kernel.run("model");
  await kernel.run("generate");
  await kernel.run("budget", edited("budget", [["const STEPS = 1500;", "const STEPS = 120;"], ["const BATCH = 32;", "const BATCH = 8;"]]));
  await kernel.run("train");
  await kernel.run("compare");
  await kernel.run("scale");
}, 120_000);

describe("the data", () => {
  it("V = 29; the streams are . s₁ . s₂ . … with 1,497,204 training ids", () => {
    expect(scope.V).toBe(29);
    const stream = scope.trainStream as Int32Array;
    const train = scope.train as string[];
    expect(stream.length).toBe(train.reduce((n, s) => n + s.length + 1, 1));
    expect(stream.length).toBe(1_497_204);
    const vocabulary = scope.vocabulary as string[];
    const text = Array.from(stream.subarray(0, train[0]!.length + 2), (id) => vocabulary[id]).join("");
    expect(text).toBe(`.${train[0]}.`);
  });

  it("validation windows: targets are the inputs shifted by one, from the held-out stream", () => {
    const { inputs, targets } = scope.validation as { inputs: number[][]; targets: number[][] };
    expect(inputs).toHaveLength(40);
    const stream = scope.validationStream as Int32Array;
    inputs.forEach((row, w) => {
      expect(row).toEqual(Array.from(stream.subarray(w * 16, w * 16 + 16)));
      expect(targets[w]!.slice(0, 15)).toEqual(row.slice(1));
    });
  });
});

/** The previous lesson's formula, computed from the layers model's own weights with plain tf ops. */
function referenceForward(m: tf.LayersModel, ids: number[][], { context: T, dModel: d, heads, layers }: Config): tf.Tensor {
  const weight = (layer: string, i = 0) => m.getLayer(layer).getWeights()[i]!;
  const ln = (x: tf.Tensor, name: string) => {
    const { mean, variance } = tf.moments(x, -1, true);
    return x.sub(mean).div(variance.add(1e-5).sqrt()).mul(weight(name, 0)).add(weight(name, 1));
  };
  const linear = (x: tf.Tensor, w: tf.Tensor, b: tf.Tensor) => tf.einsum("btn,nm->btm", x, w).add(b);
  const dK = d / heads;
  const b = ids.length;
  let x = tf.gather(weight("token_embedding"), tf.tensor2d(ids, undefined, "int32")).add(weight("position_embedding").reshape([T, d]));
  for (let l = 1; l <= layers; l++) {
    const a = ln(x, `block${l}_ln1`);
    // Head i's dense layers are columns i·d_k … (i+1)·d_k − 1 of one d × d projection: concatenate them.
    const projection = (part: string) => [0, 1].map((k) => tf.concat(Array.from({ length: heads }, (_, i) => weight(`block${l}_head${i + 1}_${part}`, k)), -1));
    const split = (t: tf.Tensor) => t.reshape([b, T, heads, dK]).transpose([0, 2, 1, 3]);
    const [q, k, v] = ["q", "k", "v"].map((part) => split(linear(a, projection(part)[0]!, projection(part)[1]!)));
    const mask = tf.scalar(1).sub(tf.linalg.bandPart(tf.ones([T, T]), -1, 0)).mul(-1e9);
    const attention = tf.softmax(tf.matMul(q!, k!, false, true).div(Math.sqrt(dK)).add(mask));
    const merged = tf.matMul(attention, v!).transpose([0, 2, 1, 3]).reshape([b, T, d]);
    x = x.add(linear(merged, weight(`block${l}_attention_out`, 0), weight(`block${l}_attention_out`, 1)));
    const up = linear(ln(x, `block${l}_ln2`), weight(`block${l}_mlp_up`, 0), weight(`block${l}_mlp_up`, 1));
    const gelu = up.mul(0.5).mul(tf.erf(up.div(Math.SQRT2)).add(1));
    x = x.add(linear(gelu, weight(`block${l}_mlp_down`, 0), weight(`block${l}_mlp_down`, 1)));
  }
  return linear(ln(x, "final_ln"), weight("output", 0), weight("output", 1));
}

describe("the model in built-in layers", () => {
  it("computes the previous lesson's GPT exactly: pre-norm blocks, causal heads, GELU MLP, final norm, output", () => {
    const ids = [Array.from({ length: 16 }, (_, t) => (t * 7 + 3) % 29), Array.from({ length: 16 }, (_, t) => (t * t + 1) % 29)];
    const fromLayers = model().predict(tf.tensor2d(ids)) as tf.Tensor;
    expect(fromLayers.shape).toEqual([2, 16, 29]);
    expect(fromLayers.sub(referenceForward(model(), ids, SMALL)).abs().max().dataSync()[0]).toBeLessThan(1e-4);
  });

  it("the mask is fixed (not trainable) and −10⁹ exactly above the diagonal", () => {
    const maskLayer = model().getLayer("causal_mask");
    expect(maskLayer.trainable).toBe(false);
    const mask = maskLayer.getWeights()[0]!.reshape([16, 16]).arraySync() as number[][];
    mask.forEach((row, i) => row.forEach((v, j) => expect(v === (j > i ? -1e9 : 0)).toBe(true)));
  });

  it("trainable weights follow 2Vd + Td + L(12d² + 13d) + 2d + V; countParams adds the mask's T²", () => {
    const rows = table("parameters").rows;
    const formula = 2 * 29 * 16 + 16 * 16 + 2 * (12 * 256 + 13 * 16) + 32 + 29;
    expect(rows.map((r) => r[1])).toEqual([formula, formula, formula + 256].map(String));
  });

  it("the lesson's own configuration: 107,933 trainable, 112,029 in all, 448,116 bytes; one input [null, 64], one output [null, 64, 29]", () => {
    const build = scope.buildGpt as (c: Config) => tf.LayersModel;
    const full = build({ vocabulary: 29, context: 64, dModel: 64, heads: 4, layers: 2 });
    const trainable = full.trainableWeights.reduce((sum, w) => sum + w.shape.reduce((a, b) => a! * b!, 1)!, 0);
    expect(trainable).toBe(107_933);
    expect((scope.parameterFormula as (c: Config) => number)({ vocabulary: 29, context: 64, dModel: 64, heads: 4, layers: 2 })).toBe(107_933);
    expect(full.countParams()).toBe(112_029);
    expect(full.countParams() - trainable).toBe(64 * 64);
    expect(4 * 112_029).toBe(448_116);
    expect(full.inputs.map((i) => i.shape)).toEqual([[null, 64]]);
    expect(full.outputs.map((o) => o.shape)).toEqual([[null, 64, 29]]);
    full.dispose();
  });

  it("padding after the last real position changes nothing there: the context window is safe to pad", () => {
    const ids = [0, 20, 8, 5, 0, 1, 20];
    const padded = (fill: number) => [...ids, ...new Array<number>(16 - ids.length).fill(fill)];
    const logits = (fill: number) => (model().predict(tf.tensor2d([padded(fill)])) as tf.Tensor).slice([0, 0, 0], [1, ids.length, 29]).arraySync();
    expect(logits(0)).toEqual(logits(17));
    const window = (scope.contextWindow as (ids: number[]) => { input: number[]; at: number })(ids);
    expect(window).toEqual({ input: padded(0), at: ids.length - 1 });
    const long = Array.from({ length: 40 }, (_, i) => i % 29);
    expect((scope.contextWindow as (ids: number[]) => { input: number[]; at: number })(long)).toEqual({ input: long.slice(-16), at: 15 });
  });
});

describe("training and sampling", () => {
  it("learns: after 120 short steps the validation loss is well below log 29, charted every 100 steps and at the end", () => {
    const history = scope.history as { step: number; train: number; validation: number }[];
    expect(history.map((h) => h.step)).toEqual([100, 120]);
    for (const h of history) expect(Number.isFinite(h.train)).toBe(true);
    expect(history.at(-1)!.validation).toBeLessThan(Math.log(29) - 0.3);
    const points = kernel.outputs.flatMap((o) => (o.kind === "chart-points" ? o.points : []));
    expect(points.map((p) => p.x)).toEqual([100, 120]);
  });

  it("samples are made of the vocabulary, never a boundary inside, deterministic for a seed", () => {
    const sample = logs().find((l) => l.startsWith("before training"))!;
    expect(sample).toMatch(/^before training: "[a-z' ]*"$/);
    const generate = scope.generate as (t?: number, n?: number) => string;
    scope.sampleSeed = 5;
    const a = generate(0.8, 30);
    scope.sampleSeed = 5;
    expect(generate(0.8, 30)).toBe(a);
  });

  it("drawFrom follows softmax(z/τ): frequencies over many draws, and τ → 0 is the argmax", () => {
    const drawFrom = scope.drawFrom as (z: number[], t: number) => number;
    const z = [1, 2, 0.5];
    const counts = [0, 0, 0];
    scope.sampleSeed = 11;
    for (let i = 0; i < 20_000; i++) counts[drawFrom(z, 0.5)]! += 1;
    const p = z.map((v) => Math.exp(v / 0.5));
    const total = p.reduce((a, b) => a + b, 0);
    counts.forEach((c, i) => expect(c / 20_000).toBeCloseTo(p[i]! / total, 1));
    for (let i = 0; i < 50; i++) expect(drawFrom(z, 0.01)).toBe(1);
  });
});

describe("against the bigram model", () => {
  it("uniform H = log 29, perplexity 29; the bigram about 2.4 nats and 11 on these windows; the RNN not run; the GPT finite", () => {
    const rows = table("validation H (nats/char)").rows;
    expect(rows[0]).toEqual(["uniform, p = 1/V", Math.log(29).toFixed(4), "29.00"]);
    const bigramH = Number(rows[1]![1]);
    expect(bigramH).toBeGreaterThan(2.3);
    expect(bigramH).toBeLessThan(2.55);
    expect(Math.round(Number(rows[1]![2]))).toBeGreaterThanOrEqual(10);
    expect(Math.round(Number(rows[1]![2]))).toBeLessThanOrEqual(12);
    expect(rows[2]!.slice(1)).toEqual(["not run", "not run"]);
    expect(Math.exp(Number(rows[3]![1]))).toBeCloseTo(Number(rows[3]![2]), 1);
    const held = scope.validationStream as Int32Array;
    expect(logs()).toContain(`${Math.floor((held.length - 1) / SMALL.context) * SMALL.context} held-out predictions`);
  });

  it("the cell's bigram is the add-one model scored on exactly the pairs of every held-out window", () => {
    const stream = scope.trainStream as Int32Array;
    const { inputs, targets } = scope.heldOut as { inputs: number[][]; targets: number[][] };
    const held = scope.validationStream as Int32Array;
    // Consecutive windows over the whole held-out stream: each character predicted once.
    expect(inputs.flat()).toEqual(Array.from(held.subarray(0, inputs.length * SMALL.context)));
    expect(held.length - 1 - inputs.length * SMALL.context).toBeLessThan(SMALL.context);
    const N = Array.from({ length: 29 }, () => new Array<number>(29).fill(0));
    for (let t = 1; t < stream.length; t++) N[stream[t - 1]!]![stream[t]!]! += 1;
    let total = 0;
    inputs.forEach((row, w) => row.forEach((prev, t) => {
      const rowTotal = N[prev]!.reduce((a, b) => a + b, 0);
      total -= Math.log((N[prev]![targets[w]![t]!]! + 1) / (rowTotal + 29));
    }));
    expect(Number(table("validation H (nats/char)").rows[1]![1])).toBeCloseTo(total / (inputs.length * SMALL.context), 4);
  });
});

describe("the lesson's own validation set", () => {
  it("200 windows of 64: 12,800 predictions, on which the add-one bigram's perplexity is about 11", () => {
    const stream = scope.trainStream as Int32Array;
    const held = scope.validationStream as Int32Array;
    expect(held.length).toBeGreaterThan(200 * 64 + 1);
    const N = Array.from({ length: 29 }, () => new Array<number>(29).fill(1));
    for (let t = 1; t < stream.length; t++) N[stream[t - 1]!]![stream[t]!]! += 1;
    const totals = N.map((row) => row.reduce((a, b) => a + b, 0));
    let H = 0;
    for (let t = 0; t < 200 * 64; t++) H -= Math.log(N[held[t]!]![held[t + 1]!]! / totals[held[t]!]!);
    H /= 200 * 64;
    expect(Math.round(Math.exp(H))).toBe(11);
  });
});

describe("scale", () => {
  const tied = (V: number, T: number, d: number, L: number) => V * d + T * d + L * (12 * d * d + 13 * d) + 2 * d;

  it("GPT-2's largest by formula: 1,557,611,200 (listed as 1,542M); GPT-3: 174,604,259,328 (175B)", () => {
    expect(tied(50257, 1024, 1600, 48)).toBe(1_557_611_200);
    expect(tied(50257, 2048, 12288, 96)).toBe(174_604_259_328);
    const rows = table("parameters by formula").rows;
    expect(rows[1]![4]).toBe("1,557,611,200");
    expect(rows[2]![4]).toBe("174,604,259,328");
    expect(12288 / 96).toBe(128);
  });

  it("the prose's ratios and shares: ~14,000× and ~1.6 million×, blocks > 94% of GPT-2 and GPT-3 and ~93% of ours", () => {
    const ours = 107_933;
    expect(Math.round(1_557_611_200 / ours / 1000)).toBe(14);
    expect((174_604_259_328 / ours / 1e6).toFixed(1)).toBe("1.6");
    expect(48 * (12 * 1600 ** 2 + 13 * 1600) / 1_557_611_200).toBeGreaterThan(0.94);
    expect(96 * (12 * 12288 ** 2 + 13 * 12288) / 174_604_259_328).toBeGreaterThan(0.99);
    expect(2 * (12 * 64 * 64 + 13 * 64) / ours).toBeCloseTo(0.93, 2);
    expect(1500 * 32 * 64).toBe(3_072_000);
    expect(6 * ours * 3_072_000).toBeCloseTo(2e12, -11);
    expect(6 * 175e9 * 300e9).toBeCloseTo(3.15e23, -21);
  });
});

describe("serving", () => {
  let files: { json: Uint8Array; weights: Uint8Array };

  it("the saved model passes the service's upload check and loads back computing the same logits", async () => {
    await model().save(
      tf.io.withSaveHandler(async (artifacts) => {
        const json = toModelJson(artifacts as unknown as Record<string, unknown>, "small-gpt.weights.bin");
        files = { json: new TextEncoder().encode(JSON.stringify(json)), weights: new Uint8Array(artifacts.weightData as ArrayBuffer) };
        return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
      }),
    );
    const read = readModelFiles({ name: "small-gpt.json", bytes: files.json }, [{ name: "small-gpt.weights.bin", bytes: files.weights }]);
    expect(read.parameters).toBe(model().countParams());
    expect(read.bytes).toBe(4 * model().countParams());
    const restored = await tf.loadLayersModel(tf.io.fromMemory(read.artifacts as unknown as tf.io.ModelArtifacts));
    expect(restored.inputs).toHaveLength(1);
    expect(restored.outputs).toHaveLength(1);
    const ids = tf.tensor2d([Array.from({ length: 16 }, (_, t) => t % 29)]);
    expect((restored.predict(ids) as tf.Tensor).sub(model().predict(ids) as tf.Tensor).abs().max().dataSync()[0]).toBe(0);
    scope.restored = restored;
  });

  it("the generation cell, against a stand-in for the endpoint that checks shapes as the service does", async () => {
    const restored = scope.restored as tf.LayersModel;
    let requests = 0;
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (_url: string, init: { body: string; headers: Record<string, string> }) => {
      requests += 1;
      expect(init.headers.Authorization).toBe("Bearer dsk_test");
      const batch = readInstances(JSON.parse(init.body).instances, restored.inputs[0]!.shape);
      const predictions = (restored.predict(tf.tensor(batch.data, batch.shape)) as tf.Tensor).arraySync();
      return new Response(JSON.stringify({ predictions }), { status: 200 });
    }) as unknown as typeof fetch;
    try {
      await kernel.run("connect", 'const ENDPOINT = "http://localhost/api/models/m/predict";\nconst API_KEY = "dsk_test";');
      await kernel.run("generate-remote");
    } finally {
      globalThis.fetch = realFetch;
    }
    const line = logs().at(-1)!;
    expect(line).toMatch(/^the service wrote: "[a-z' ]*"$/);
    expect(requests).toBeGreaterThan(0);
    expect(requests).toBeLessThanOrEqual(60);
    // The same seed and the same weights in this page give the same text.
    scope.sampleSeed = 3;
    const local = [0];
    const drawFrom = scope.drawFrom as (z: number[], t: number) => number;
    const contextWindow = scope.contextWindow as (ids: number[]) => { input: number[]; at: number };
    for (let i = 0; i < 60; i++) {
      const { input, at } = contextWindow(local);
      const logits = (model().predict(tf.tensor2d([input])) as tf.Tensor).arraySync() as number[][][];
      const next = drawFrom(logits[0]![at]!, 0.8);
      if (next === 0) break;
      local.push(next);
    }
    expect(line).toBe(`the service wrote: "${local.slice(1).map((id) => (scope.vocabulary as string[])[id]).join("")}"`);
  }, 60_000);
});
