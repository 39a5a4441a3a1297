/**
 * The reference, with TensorFlow.js: tf.topk keeps the k largest (the lower index first among
 * equal values), tf.softmax normalises the kept logits / τ; the walk goes through the kept tokens
 * in their original order, as if every dropped token had probability 0. τ = 0 is the first argmax.
 */
function reference(logits: number[], k: number, temperature: number, u: number): number {
  return tf.tidy(() => {
    const { values, indices } = tf.topk(tf.tensor1d(logits), Math.min(k, logits.length));
    const kept = indices.arraySync() as number[];
    if (temperature === 0) return kept[0]!;
    const p = tf.softmax(values.div(temperature)).arraySync() as number[];
    const inOrder = kept.map((index, rank) => [index, p[rank]!] as const).sort((a, b) => a[0] - b[0]);
    let running = 0;
    for (const [index, probability] of inOrder) {
      running += probability;
      if (u < running) return index;
    }
    return inOrder[inOrder.length - 1]![0];
  });
}
/** The kept tokens' running sums in double precision, to keep test points away from their boundaries. */
function runningSums(logits: number[], k: number, temperature: number): number[] {
  const kept = logits.map((_, i) => i).sort((a, b) => logits[b]! - logits[a]! || a - b).slice(0, k).sort((a, b) => a - b);
  const top = logits[kept[0]!]!;
  const e = kept.map((i) => Math.exp((logits[i]! - top) / temperature));
  const total = e.reduce((a, b) => a + b, 0);
  let running = 0;
  return e.map((x) => (running += x / total));
}

test("ties at the k-th value keep the lower index", { points: 2, feedback: "Keep exactly k tokens: among logits equal to the k-th largest, the lower indices first." }, async () => {
  // Three logits of 2 for k = 2: tokens 0 and 2 stay, token 4 goes; each kept one has probability 1/2.
  for (const [u, expected] of [[0.25, 0], [0.6, 2], [0.75, 2], [0.99, 2]] as const) {
    expect.equal(await learner.sampleTopK([2, 0, 2, 1, 2], 2, 1, u), expected, `logits [2, 0, 2, 1, 2], k = 2, u = ${u}`);
  }
  // k = 3 of [1, 3, 2, 3, 2]: tokens 1, 3 and 2 (not 4), with probabilities ∝ e³, e², e³ in index order.
  for (const [u, expected] of [[0.3, 1], [0.5, 2], [0.9, 3]] as const) {
    expect.equal(await learner.sampleTopK([1, 3, 2, 3, 2], 3, 1, u), expected, `logits [1, 3, 2, 3, 2], k = 3, u = ${u}`);
  }
  expect.equal(await learner.sampleTopK([1, 3, 2, 3], 2, 0, 0.9), 1, "τ = 0 with a tie: the first largest logit");
});

test("τ = 2 flattens the kept distribution", { points: 2, feedback: "Divide the kept logits by τ before the softmax; the probabilities must still sum to 1." }, async () => {
  // k = 3 at τ = 2: p ∝ √0.2, √0.3, √0.4 for tokens 1, 2, 3, running sums ≈ 0.2748, 0.6113, 1.
  const logits = [0.1, 0.2, 0.3, 0.4].map((p) => Math.log(p));
  for (const [u, expected] of [[0.25, 1], [0.58, 2], [0.65, 3], [0.95, 3]] as const) {
    expect.equal(await learner.sampleTopK(logits, 3, 2, u), expected, `u = ${u}`);
  }
  // τ = 0.5: p ∝ 0.04, 0.09, 0.16, running sums ≈ 0.1379, 0.4483, 1.
  for (const [u, expected] of [[0.1, 1], [0.3, 2], [0.5, 3]] as const) {
    expect.equal(await learner.sampleTopK(logits, 3, 0.5, u), expected, `τ = 0.5, u = ${u}`);
  }
});

test("very large logits stay finite", { points: 2, feedback: "Subtract the largest kept logit before exponentiating, or e^(y/τ) overflows." }, async () => {
  // Logits in the thousands, k = 3: tokens 1, 2, 4 with p ∝ 1, e⁻², e⁻¹, running sums ≈ 0.6652, 0.7552, 1.
  for (const [u, expected] of [[0.5, 1], [0.7, 2], [0.9, 4]] as const) {
    expect.equal(await learner.sampleTopK([1000, 1003, 1001, 998, 1002], 3, 1, u), expected, `u = ${u}`);
  }
  // τ = 0.01 with logits in the tens: all the probability is on the largest.
  for (const u of [0, 0.5, 0.999]) expect.equal(await learner.sampleTopK([20, 50, 45, -10], 2, 0.01, u), 1, `τ = 0.01, u = ${u}`);
});

test("u just below 1 picks the last kept token", async () => {
  // The last token of the vocabulary is dropped, so it must never be returned. For these logits the
  // running sum ends at 0.9999999999999998 in double precision, below u = 1 − 2⁻⁵³.
  for (const u of [0.999999, 1 - 2 ** -53]) {
    expect.equal(await learner.sampleTopK([0.25, -3, 1, 0.25, -5], 3, 1, u), 3, `u = ${u}`);
  }
});

test("agrees with tf.topk and tf.softmax", { points: 3 }, async () => {
  let state = 23;
  const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (const V of [5, 12, 29, 65]) {
    for (const k of [1, 2, 5, 10, V, V + 3]) {
      for (const temperature of [0, 0.5, 1, 1.7]) {
        const logits = Array.from({ length: V }, () => 8 * random() - 4);
        const sums = temperature === 0 ? [] : runningSums(logits, k, temperature);
        let u = random();
        while (sums.some((s) => Math.abs(s - u) < 1e-4)) u = random();
        expect.equal(await learner.sampleTopK(logits, k, temperature, u), reference(logits, k, temperature, u), `V = ${V}, k = ${k}, τ = ${temperature}`);
      }
    }
  }
});
