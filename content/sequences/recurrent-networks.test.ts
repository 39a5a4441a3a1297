/**
 * Checks the recurrent networks lesson: the batched recurrence against
 * tf.layers.simpleRNN, the BPTT recursion and every weight gradient against
 * tf.grads (in the lesson's cell and independently here), the Jacobian of one
 * step, the bound σ_max^(T−k) and the chart's claims, clipping by global norm
 * (norm capped, direction kept) against entry-wise clipping, the cell-state
 * path's gradient Π f_t, and the parameter counts.
 */
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { createLessonKernel } from "@/test/lesson-kernel";

const kernel = createLessonKernel("content/sequences/recurrent-networks.mdx");
const scope = globalThis as Record<string, unknown>;
const logs = () => kernel.outputs.flatMap((o) => (o.kind === "log" ? [o.text] : []));
const tables = () => kernel.outputs.flatMap((o) => (o.kind === "table" ? [o] : []));
const table = (column: string) => tables().find((t) => t.columns.includes(column))!;
const maxDifference = (a: tf.Tensor, b: tf.Tensor) => a.sub(b).abs().max().dataSync()[0]!;

beforeAll(async () => {
  await tf.setBackend("cpu");
  for (const id of ["rnn-forward", "bptt", "vanishing", "clipping", "cell-path"]) await kernel.run(id);
}, 60_000);

describe("the recurrence", () => {
  it("the lesson's cell: states [T, B, H] = [5, 2, 3], equal to tf.layers.simpleRNN, 24 parameters", () => {
    expect(logs()[0]).toBe("inputs [5,2,4] → hidden states [5,2,3]");
    expect(Number(logs()[1]!.split(": ")[1])).toBeLessThan(1e-6);
    expect(logs()[2]).toBe("parameters: H·D + H·H + H = 24");
  });

  it("the batched rows form equals the column form h_t = tanh(W_xh x_t + W_hh h_{t−1} + b) for each sequence", () => {
    const [T, B, D, H] = [4, 3, 5, 2];
    const Wxh = tf.randomNormal([H, D], 0, 0.5, "float32", 1);
    const Whh = tf.randomNormal([H, H], 0, 0.5, "float32", 2);
    const b = tf.randomNormal([H], 0, 0.1, "float32", 3);
    const xs = tf.randomNormal([T, B, D], 0, 1, "float32", 4);
    let rows: tf.Tensor = tf.zeros([B, H]);
    const batched: tf.Tensor[] = [];
    for (const x of tf.unstack(xs)) batched.push((rows = tf.tanh(tf.matMul(x, Wxh, false, true).add(tf.matMul(rows, Whh, false, true)).add(b))));
    for (let i = 0; i < B; i++) {
      let h: tf.Tensor = tf.zeros([H, 1]);
      for (let t = 0; t < T; t++) {
        const x = xs.slice([t, i, 0], [1, 1, D]).reshape([D, 1]);
        h = tf.tanh(tf.matMul(Wxh, x).add(tf.matMul(Whh, h)).add(b.reshape([H, 1])));
        expect(maxDifference(h.reshape([H]), batched[t]!.slice([i, 0], [1, H]).reshape([H]))).toBeLessThan(1e-6);
      }
    }
  });

  it("W_xh times a one-hot x_t is the column of W_xh for that token", () => {
    const W = tf.randomNormal([3, 6], 0, 1, "float32", 5);
    expect(tf.matMul(W, tf.oneHot([4], 6).reshape([6, 1]).toFloat()).reshape([3]).arraySync()).toEqual(W.slice([0, 4], [3, 1]).reshape([3]).arraySync());
  });
});

describe("backpropagation through time", () => {
  it("the lesson's cell: every gradient by the recursion matches tf.grads, with its parameter's shape", () => {
    const rows = table("largest |by hand − tf.grads|").rows;
    expect(rows.map((r) => [r[0], r[1]])).toEqual([
      ["W_xh", "[4,5]"],
      ["W_hh", "[4,4]"],
      ["b", "[4,1]"],
      ["W_hy", "[5,4]"],
      ["c", "[5,1]"],
    ]);
    for (const row of rows) expect(Number(row[2])).toBeLessThan(1e-5);
    expect(logs().find((l) => l.startsWith("L = "))).toMatch(/^L = \d+\.\d{4}$/);
  });

  it("the Jacobian of one step is diag(1 − h_{t+1}²) W_hh", () => {
    const H = 4;
    const Whh = tf.randomNormal([H, H], 0, 0.7, "float32", 6);
    const drive = tf.randomNormal([H], 0, 1, "float32", 7);
    const h = tf.randomNormal([H], 0, 0.5, "float32", 8);
    const step = (state: tf.Tensor) => tf.tanh(tf.matMul(Whh, state.reshape([H, 1])).reshape([H]).add(drive));
    const next = step(h);
    const formula = tf.matMul(tf.diag(tf.scalar(1).sub(next.square())), Whh).arraySync() as number[][];
    for (let i = 0; i < H; i++) {
      const row = tf.grad((state: tf.Tensor) => step(state).gather(i))(h).arraySync() as number[];
      row.forEach((value, j) => expect(value).toBeCloseTo(formula[i]![j]!, 5));
    }
  });

  it("with the loss summed over time, g_t = W_hyᵀ(p_t − e_k) + W_hhᵀ δ_{t+1} is ∂L/∂h_t for every t, against tf.grad", () => {
    // Feed each state h_t in as an extra additive input ε_t (zero): ∂L/∂ε_t = ∂L/∂h_t.
    const [V, H, T] = [4, 3, 5];
    const Wxh = tf.randomNormal([H, V], 0, 0.6, "float32", 41);
    const Whh = tf.randomNormal([H, H], 0, 0.6, "float32", 42);
    const Why = tf.randomNormal([V, H], 0, 0.6, "float32", 43);
    const inputs = [1, 0, 3, 2, 2];
    const targets = [0, 3, 2, 2, 1];
    const forward = (eps: tf.Tensor) => {
      let h: tf.Tensor = tf.zeros([H]);
      const hs: tf.Tensor[] = [];
      let L: tf.Tensor = tf.scalar(0);
      for (let t = 0; t < T; t++) {
        const x = tf.oneHot([inputs[t]!], V).reshape([V, 1]).toFloat();
        h = tf.tanh(tf.matMul(Wxh, x).reshape([H]).add(tf.matMul(Whh, h.reshape([H, 1])).reshape([H]))).add(eps.slice([t, 0], [1, H]).reshape([H]));
        hs.push(h);
        L = L.sub(tf.logSoftmax(tf.matMul(Why, h.reshape([H, 1])).reshape([V])).gather(targets[t]!));
      }
      return { hs, L };
    };
    const automatic = tf.grad((eps: tf.Tensor) => forward(eps).L)(tf.zeros([T, H])).arraySync() as number[][];
    const { hs } = forward(tf.zeros([T, H]));
    let carry: tf.Tensor = tf.zeros([H]);
    for (let t = T - 1; t >= 0; t--) {
      const p = tf.softmax(tf.matMul(Why, hs[t]!.reshape([H, 1])).reshape([V]));
      const g = tf.matMul(Why, p.sub(tf.oneHot([targets[t]!], V).reshape([V]).toFloat()).reshape([V, 1]), true, false).reshape([H]).add(carry);
      (g.arraySync() as number[]).forEach((value, j) => expect(value).toBeCloseTo(automatic[t]![j]!, 5));
      const delta = tf.scalar(1).sub(hs[t]!.square()).mul(g);
      carry = tf.matMul(Whh, delta.reshape([H, 1]), true, false).reshape([H]);
    }
  });
});

describe("vanishing and exploding gradients", () => {
  const norms = () => scope.stepsBackNorms as number[][];

  it("every curve respects the bound ‖∂ℓ_T/∂h_k‖ ≤ s^(T−k), and is 1 at 0 steps back", () => {
    const scales = scope.scales as number[];
    expect(scales).toEqual([0.5, 1, 1.5, 3]);
    norms().forEach((curve, i) => {
      expect(curve).toHaveLength(61);
      expect(curve[0]).toBe(1);
      curve.forEach((n, back) => expect(n).toBeLessThanOrEqual(scales[i]! ** back * (1 + 1e-4)));
    });
  });

  it("W_hh = sQ has every singular value s: ‖W_hh v‖ = s‖v‖", () => {
    const Q = tf.linalg.qr(tf.randomNormal([32, 32], 0, 1, "float32", 21))[0];
    expect(maxDifference(tf.matMul(Q, Q, true, false), tf.eye(32))).toBeLessThan(1e-5);
    const v = tf.randomNormal([32, 1], 0, 1, "float32", 3);
    expect(tf.matMul(Q.mul(1.5), v).norm().dataSync()[0]! / v.norm().dataSync()[0]!).toBeCloseTo(1.5, 5);
  });

  it("at zero states (no input) the bound is reached exactly: ‖∂ℓ_T/∂h_k‖ = s^(T−k)", () => {
    const Q = tf.linalg.qr(tf.randomNormal([8, 8], 0, 1, "float32", 5))[0];
    const u = tf.oneHot([2], 8).reshape([8, 1]).toFloat();
    for (const s of [0.5, 1.5]) {
      const grad = tf.grad((h0: tf.Tensor) => {
        let h = h0;
        for (let t = 0; t < 10; t++) h = tf.tanh(tf.matMul(Q.mul(s), h));
        return h.mul(u).sum();
      })(tf.zeros([8, 1]));
      expect(grad.norm().dataSync()[0]).toBeCloseTo(s ** 10, 3);
    }
  });

  it("the recursion's ∂ℓ_T/∂h_0 equals tf.grad through the tanh network", () => {
    const Q = tf.linalg.qr(tf.randomNormal([6, 6], 0, 1, "float32", 9))[0].mul(1.5);
    const drive = tf.unstack(tf.randomNormal([12, 6, 1], 0, 0.3, "float32", 10));
    const u = tf.randomNormal([6, 1], 0, 1, "float32", 11);
    const run = (h0: tf.Tensor) => {
      const hs = [h0];
      for (let t = 0; t < 12; t++) hs.push(tf.tanh(tf.matMul(Q, hs[t]!).add(drive[t]!)));
      return hs;
    };
    const automatic = tf.grad((h0: tf.Tensor) => run(h0).at(-1)!.mul(u).sum())(tf.zeros([6, 1]));
    const hs = run(tf.zeros([6, 1]));
    let g: tf.Tensor = u;
    for (let k = 12; k >= 1; k--) g = tf.matMul(Q, tf.scalar(1).sub(hs[k]!.square()).mul(g), true, false);
    expect(maxDifference(g, automatic)).toBeLessThan(1e-5);
  });

  it("the table the prose reads: s = 0.5 vanishes to ~1e-19, s = 1 to ~3e-2, s = 1.5 grows to ~70, s = 3 to ~2e8", () => {
    const n = norms();
    expect(n[0]![60]!).toBeLessThan(1e-17);
    expect(n[0]![60]!).toBeGreaterThan(1e-21);
    expect(n[1]![60]!).toBeGreaterThan(1e-2);
    expect(n[1]![60]!).toBeLessThan(1e-1);
    expect(n[2]![60]!).toBeGreaterThan(50);
    expect(n[2]![60]!).toBeLessThan(100);
    expect(n[3]![60]!).toBeCloseTo(2e8, -8);
    expect(Math.log10(n[3]![60]!)).toBeGreaterThan(7);
    expect(Math.log10(n[3]![60]!)).toBeLessThan(9);
    const points = kernel.outputs.flatMap((o) => (o.kind === "chart-points" ? o.points : []));
    expect(points.filter((p) => p.y.length === 4)).toHaveLength(61);
  });
});

describe("gradient clipping by global norm", () => {
  type Clip = (grads: tf.Tensor[], maxNorm: number) => { clipped: tf.Tensor[]; norm: number };
  const globalNorm = (grads: tf.Tensor[]) => Math.sqrt(grads.reduce((s, g) => s + g.square().sum().dataSync()[0]!, 0));

  it("caps the global norm at τ, keeps the direction, and leaves short gradients alone", () => {
    const clip = scope.clipByGlobalNorm as Clip;
    const grads = [tf.randomNormal([3, 4], 0, 5, "float32", 1), tf.randomNormal([7], 0, 5, "float32", 2)];
    const before = globalNorm(grads);
    const { clipped, norm } = clip(grads, 2);
    expect(norm).toBeCloseTo(before, 3);
    expect(globalNorm(clipped)).toBeCloseTo(2, 4);
    grads.forEach((g, i) => expect(maxDifference(clipped[i]!, g.mul(2 / before))).toBeLessThan(1e-5));
    const { clipped: untouched } = clip(grads, before * 2);
    grads.forEach((g, i) => expect(untouched[i]!.arraySync()).toEqual(g.arraySync()));
    const { clipped: zeros } = clip([tf.zeros([3])], 1);
    expect(zeros[0]!.arraySync()).toEqual([0, 0, 0]);
  });

  it("the lesson's cell: norm 1.0000 and cosine 1.0000 by global norm; entry-wise clipping turns the direction", () => {
    const rows = table("cosine with the exploded gradient").rows;
    expect(Number(rows[0]![1])).toBeGreaterThan(1000);
    expect(rows[1]!.slice(1)).toEqual(["1.0000", "1.0000"]);
    // Every one of the 65 entries is cut to ±1: norm √65 ≈ 8.06, cosine ≈ 0.81 (about 36°).
    expect(4 * 5 + 4 * 4 + 4 + 5 * 4 + 5).toBe(65);
    expect(rows[2]!.slice(1)).toEqual([Math.sqrt(65).toFixed(4), "0.8056"]);
    expect((Math.acos(0.8056) * 180) / Math.PI).toBeCloseTo(36, 0);
  });
});

describe("gates", () => {
  it("∂c_1/∂c_0 = diag(f_1) exactly in a full LSTM step, against tf.grad", () => {
    const [D, H] = [3, 4];
    const W = tf.randomNormal([4 * H, D], 0, 0.5, "float32", 51);
    const U = tf.randomNormal([4 * H, H], 0, 0.5, "float32", 52);
    const bias = tf.randomNormal([4 * H, 1], 0, 0.5, "float32", 53);
    const x = tf.randomNormal([D, 1], 0, 1, "float32", 54);
    const h0 = tf.randomNormal([H, 1], 0, 0.5, "float32", 55);
    const c0 = tf.randomNormal([H, 1], 0, 0.5, "float32", 56);
    const z = tf.matMul(W, x).add(tf.matMul(U, h0)).add(bias);
    const [f, i, , g] = tf.split(z, 4, 0).map((part, k) => (k === 3 ? tf.tanh(part) : tf.sigmoid(part)));
    const cellOf = (c: tf.Tensor) => f!.mul(c).add(i!.mul(g!));
    const fValues = f!.reshape([H]).arraySync() as number[];
    for (let r = 0; r < H; r++) {
      const row = tf.grad((c: tf.Tensor) => cellOf(c).reshape([H]).gather(r))(c0).reshape([H]).arraySync() as number[];
      row.forEach((value, j) => expect(value).toBeCloseTo(r === j ? fValues[r]! : 0, 6));
    }
  });

  it("a GRU step whose gates and candidate ignore h_{t−1} has ∂h_t/∂h_{t−1} = diag(1 − z_t) exactly; with them, tf.grad adds only more terms", () => {
    const [D, H] = [3, 4];
    const x = tf.randomNormal([D, 1], 0, 1, "float32", 61);
    const [Wz, Wr, Wh] = [62, 63, 64].map((seed) => tf.randomNormal([H, D], 0, 0.7, "float32", seed));
    const [Uz, Ur, Uh] = [65, 66, 67].map((seed) => tf.randomNormal([H, H], 0, 0.7, "float32", seed));
    const h0 = tf.randomNormal([H, 1], 0, 0.5, "float32", 68);
    const step = (h: tf.Tensor, useU: boolean) => {
      const U = (M: tf.Tensor, v: tf.Tensor) => (useU ? tf.matMul(M, v) : tf.zeros([H, 1]));
      const z = tf.sigmoid(tf.matMul(Wz!, x).add(U(Uz!, h)));
      const r = tf.sigmoid(tf.matMul(Wr!, x).add(U(Ur!, h)));
      const candidate = tf.tanh(tf.matMul(Wh!, x).add(U(Uh!, r.mul(h))));
      return { z, next: tf.scalar(1).sub(z).mul(h).add(z.mul(candidate)) };
    };
    const jacobian = (useU: boolean) =>
      Array.from({ length: H }, (_, i) => tf.grad((h: tf.Tensor) => step(h, useU).next.reshape([H]).gather(i))(h0).reshape([H]).arraySync() as number[]);
    const z = step(h0, false).z.reshape([H]).arraySync() as number[];
    jacobian(false).forEach((row, i) => row.forEach((value, j) => expect(value).toBeCloseTo(i === j ? 1 - z[i]! : 0, 6)));
    // With the U terms the Jacobian is no longer diagonal.
    expect(jacobian(true).some((row, i) => row.some((value, j) => i !== j && Math.abs(value) > 1e-3))).toBe(true);
  });

  it("the lesson's cell: along the cell path the gradient is exactly (Π f_t) ⊙ u", () => {
    const rows = table("‖(Π f_t) ⊙ u‖").rows;
    expect(rows.map((r) => r[0])).toEqual(["0", "2", "5"]);
    for (const row of rows) expect(Number(row[2]) / Number(row[3])).toBeCloseTo(1, 2);
    const mean = rows.map((r) => Number(r[1]));
    expect(mean[0]).toBeCloseTo(0.5, 1);
    expect(mean[2]).toBeGreaterThan(0.99);
    expect(Number(rows[0]![3])).toBeCloseTo(2e-17, 17);
    expect(Number(rows[1]![3])).toBeCloseTo(2e-3, 3);
    expect(Number(rows[2]![3]) / tf.randomNormal([32], 0, 1, "float32", 31).norm().dataSync()[0]!).toBeGreaterThan(0.5);
  });

  it("parameters for D = 29, H = 128: H(D + H) + H = 20,224, GRU 3×, LSTM 4×", () => {
    expect(128 * (29 + 128) + 128).toBe(20224);
    expect(logs().at(-1)).toBe("parameters for D = 29, H = 128: simpleRNN 20224, GRU 60672, LSTM 80896");
  });
});
