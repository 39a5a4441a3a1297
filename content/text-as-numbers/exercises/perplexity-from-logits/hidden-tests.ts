/** PPL = exp(mean(logsumexp(z_t) − z_t[y_t])), in float64 on plain numbers. */
function reference(logits: number[][], targets: number[]): number {
  let total = 0;
  logits.forEach((row, t) => {
    const m = Math.max(...row);
    const logSum = m + Math.log(row.reduce((sum, z) => sum + Math.exp(z - m), 0));
    total += logSum - row[targets[t]!]!;
  });
  return Math.exp(total / logits.length);
}

test("matches exp of tf.losses.softmaxCrossEntropy", { points: 2 }, async () => {
  for (const [T, V, seed] of [[5, 7, 1], [32, 29, 2], [1, 2, 3], [64, 100, 4]] as const) {
    const logits = tf.randomNormal([T, V], 0, 2, "float32", seed) as tf.Tensor2D;
    const targets = tf.tensor1d(Array.from({ length: T }, (_, t) => (t * 7 + seed) % V), "int32");
    const expected = tf.losses.softmaxCrossEntropy(tf.oneHot(targets, V), logits).exp();
    expect.close(await learner.perplexity(logits, targets), expected, { rtol: 1e-4 }, `T = ${T}, V = ${V}: exponentiate the mean, not each step`);
  }
});

test("stays finite for large logits", { points: 2 }, async () => {
  // Row 1: the target's logit is 10 below the top one, about 10 nats; row 2: the target is the top logit by 1000, about 0.
  // H ≈ 5 and PPL ≈ e^5 ≈ 148, but e^1000 overflows on the way unless each row's maximum is subtracted first.
  const values = [[1000, 990, -1000], [1000, 0, -1000]];
  const ppl = await learner.perplexity(tf.tensor2d(values), tf.tensor1d([1, 0], "int32"));
  expect.finite(ppl, "e^1000 overflows: subtract each row's maximum before exponentiating, or use tf.logSoftmax");
  expect.close(ppl, reference(values, [1, 0]), { rtol: 1e-3 });
});

test("a model that is always sure and right has perplexity 1", async () => {
  const ppl = await learner.perplexity(tf.tensor2d([[50, 0, 0], [0, 0, 50], [0, 50, 0]]), tf.tensor1d([0, 2, 1], "int32"));
  expect.close(ppl, 1, { atol: 1e-5 });
});

test("agrees with the formula at several shapes", { points: 2 }, async () => {
  for (const [T, V, scale] of [[3, 2, 1], [10, 5, 4], [50, 29, 0.5], [8, 300, 3]] as const) {
    const values = Array.from({ length: T }, (_, t) => Array.from({ length: V }, (_, k) => scale * Math.sin(1.3 * t + 0.7 * k + T)));
    const targets = Array.from({ length: T }, (_, t) => (3 * t + 1) % V);
    const got = await learner.perplexity(tf.tensor2d(values), tf.tensor1d(targets, "int32"));
    expect.close(got, reference(values, targets), { rtol: 1e-4 }, `T = ${T}, V = ${V}`);
  }
});
