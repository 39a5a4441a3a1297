/** The reference: softmax(QKᵀ/√d_k + M)V with TensorFlow.js, M = 0 or −∞ above the diagonal. */
const referenceWeights = (q: tf.Tensor, k: tf.Tensor, causal: boolean) => {
  const dK = q.shape[q.shape.length - 1]!;
  const scores = tf.matMul(q, k, false, true).div(Math.sqrt(dK));
  if (!causal) return tf.softmax(scores);
  const n = q.shape[q.shape.length - 2]!;
  const above = tf.ones([n, n]).sub(tf.linalg.bandPart(tf.ones([n, n]), -1, 0)).cast("bool");
  return tf.softmax(tf.where(tf.broadcastTo(above, scores.shape), tf.fill(scores.shape, -Infinity), scores));
};
const reference = (q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, causal: boolean) => tf.matMul(referenceWeights(q, k, causal), v);
const random = (shape: number[], seed: number) => tf.randomNormal(shape, 0, 1, "float32", seed);

test("rows sum to 1 and masked entries are exactly 0", async () => {
  const q = random([6, 4], 11);
  const k = random([6, 4], 12);
  const weights = await learner.attentionWeights(q, k, true);
  expect.shape(weights, [6, 6]);
  const w = (weights as { values: number[] }).values;
  for (let i = 0; i < 6; i++) {
    let sum = 0;
    for (let j = 0; j < 6; j++) {
      if (j > i) expect.that(w[6 * i + j] === 0, `weight [${i},${j}] is ${w[6 * i + j]}, expected exactly 0`);
      sum += w[6 * i + j];
    }
    expect.that(Math.abs(sum - 1) < 1e-5, `row ${i} sums to ${sum}, expected 1`);
  }
  expect.close(weights, referenceWeights(q, k, true), { rtol: 1e-4, atol: 1e-6 });
});

test("attention without a mask, n_q ≠ n_k and d_k ≠ d_v", { points: 2 }, async () => {
  const q = random([3, 8], 21);
  const k = random([5, 8], 22);
  const v = random([5, 2], 23);
  const weights = await learner.attentionWeights(q, k, false);
  expect.shape(weights, [3, 5], "[n_q, n_k]");
  expect.close(weights, referenceWeights(q, k, false), { rtol: 1e-4, atol: 1e-6 });
  const output = await learner.attention(q, k, v, false);
  expect.shape(output, [3, 2], "[n_q, d_v]");
  expect.close(output, reference(q, k, v, false), { rtol: 1e-4, atol: 1e-5 });
});

test("causal attention with a batch, d_k ≠ d_v", { points: 2, feedback: "Check that your attention keeps a leading batch dimension: transpose only the last two axes of the keys." }, async () => {
  const q = random([2, 6, 4], 31);
  const k = random([2, 6, 4], 32);
  const v = random([2, 6, 5], 33);
  const output = await learner.attention(q, k, v, true);
  expect.shape(output, [2, 6, 5], "[batch, n_q, d_v]");
  expect.close(output, reference(q, k, v, true), { rtol: 1e-4, atol: 1e-5 });
});

test("4-D batch and heads, causal", { points: 2, feedback: "Check that your attention works with two leading dimensions, [batch, heads, n, d]." }, async () => {
  const q = random([2, 3, 5, 4], 41);
  const k = random([2, 3, 5, 4], 42);
  const v = random([2, 3, 5, 3], 43);
  const weights = await learner.attentionWeights(q, k, true);
  expect.shape(weights, [2, 3, 5, 5], "[batch, heads, n_q, n_k]");
  expect.close(weights, referenceWeights(q, k, true), { rtol: 1e-4, atol: 1e-6 });
  const output = await learner.attention(q, k, v, true);
  expect.shape(output, [2, 3, 5, 3], "[batch, heads, n_q, d_v]");
  expect.close(output, reference(q, k, v, true), { rtol: 1e-4, atol: 1e-5 });
});

test("large scores stay finite", { feedback: "Large scores must not overflow: use tf.softmax, or subtract each row's maximum before exp." }, async () => {
  const q = random([4, 4], 51).mul(30);
  const k = random([4, 4], 52).mul(30);
  const weights = await learner.attentionWeights(q, k, false);
  expect.finite(weights);
  expect.close(weights, referenceWeights(q, k, false), { rtol: 1e-4, atol: 1e-6 });
});
