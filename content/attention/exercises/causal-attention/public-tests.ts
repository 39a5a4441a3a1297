// Functions, not constants: test files' top level runs before tf is given to them.
const lessonQ = () => tf.tensor2d([[1, 0, 1, 0], [0, 2, 0, 2]]);
const lessonK = () => tf.tensor2d([[1, 1, 1, 1], [2, 0, 2, 0], [0, 1, 0, -1]]);
const lessonV = () => tf.tensor2d([[1, 0], [0, 1], [1, 1]]);

test("weights of the lesson's worked example", { points: 2 }, async () => {
  const weights = await learner.attentionWeights(lessonQ(), lessonK(), false);
  expect.shape(weights, [2, 3], "one row per query, one column per key");
  // Scores [[1, 2, 0], [2, 0, 0]] after dividing by √4 = 2; a softmax along each row.
  const softmax = (row: number[]) => row.map((s) => Math.exp(s) / row.reduce((sum, t) => sum + Math.exp(t), 0));
  expect.close(weights, [softmax([1, 2, 0]), softmax([2, 0, 0])], { rtol: 1e-4, atol: 1e-6 }, "divide QKᵀ by √d_k, then take the softmax along each row");
});

test("output of the lesson's worked example", async () => {
  const output = await learner.attention(lessonQ(), lessonK(), lessonV(), false);
  expect.shape(output, [2, 2], "one row per query, as long as a value");
  expect.close(output, [[0.334759, 0.755272], [0.893493, 0.213014]], { rtol: 1e-4, atol: 1e-5 }, "multiply the weights by V");
});

test("causal weights on three tokens", { points: 2 }, async () => {
  const x = () => tf.tensor2d([[1, 0], [0, 1], [1, 1]]);
  const weights = await learner.attentionWeights(x(), x(), true);
  expect.shape(weights, [3, 3]);
  const w = (weights as { values: number[] }).values;
  for (let i = 0; i < 3; i++) {
    for (let j = i + 1; j < 3; j++) {
      expect.that(w[3 * i + j] === 0, `weight [${i},${j}] is ${w[3 * i + j]}, but query ${i} may not look at the later key ${j}: it must be exactly 0`);
    }
  }
  for (let i = 0; i < 3; i++) {
    const sum = w[3 * i] + w[3 * i + 1] + w[3 * i + 2];
    expect.that(Math.abs(sum - 1) < 1e-5, `row ${i} sums to ${sum.toFixed(4)}, not 1: add the mask to the scores before the softmax, so the weights left are renormalised`);
  }
  // Row 0 sees only itself. Row 1 sees keys 0 and 1, with scores 0 and 1/√2.
  // Row 2 sees all three, with scores 1/√2, 1/√2 and 2/√2.
  const e = Math.exp(1 / Math.SQRT2);
  expect.close(weights, [[1, 0, 0], [1 / (1 + e), e / (1 + e), 0], [e, e, e * e].map((x) => x / (2 * e + e * e))], { rtol: 1e-4, atol: 1e-6 });
});
