/** The reference, with tf.moments along the last axis. */
const reference = (x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, epsilon: number) => {
  const { mean, variance } = tf.moments(x, -1, true);
  return x.sub(mean).div(variance.add(epsilon).sqrt()).mul(gamma).add(beta);
};

test("each vector on its own, in a batch of sequences", { points: 2, feedback: "Take the mean and variance along the last axis only, so each token's vector is normalised by its own statistics." }, async () => {
  const x = tf.randomNormal([2, 3, 5], 4, 3, "float32", 1);
  const gamma = tf.randomNormal([5], 1, 0.5, "float32", 2);
  const beta = tf.randomNormal([5], 0, 0.5, "float32", 3);
  const y = await learner.layerNorm(x, gamma, beta, 1e-5);
  expect.shape(y, [2, 3, 5]);
  expect.close(y, reference(x, gamma, beta, 1e-5), { rtol: 1e-4, atol: 1e-4 });
});

test("epsilon goes inside the square root", { points: 2, feedback: "Add ε to the variance, then take the square root." }, async () => {
  // σ² = 2.5e−7, far below ε = 0.01: the outputs are ±0.0005 / √(0.01 + 2.5e−7) ≈ ±0.005.
  const x = tf.tensor2d([[0, 0.001, 0, 0.001]]);
  const y = (await learner.layerNorm(x, tf.ones([4]), tf.zeros([4]), 0.01)) as { values: number[] };
  const expected = 0.0005 / Math.sqrt(0.01 + 2.5e-7);
  expect.that(Math.abs(y.values[1]! - expected) < 1e-5, `the second output is ${y.values[1]!.toPrecision(3)}, expected ${expected.toPrecision(3)}`);
});

test("a vector of equal entries gives β, not NaN", async () => {
  const beta = tf.tensor1d([0.5, -1, 2]);
  const y = await learner.layerNorm(tf.tensor2d([[7, 7, 7], [-2, -2, -2]]), tf.tensor1d([3, 3, 3]), beta, 1e-5);
  expect.finite(y, "with σ² = 0 only ε keeps the division finite");
  expect.close(y, [[0.5, -1, 2], [0.5, -1, 2]], { atol: 1e-4 });
});

test("one vector of 64 numbers, as in a block", async () => {
  const x = tf.randomNormal([1, 64], -3, 10, "float32", 4);
  const gamma = tf.randomNormal([64], 1, 0.2, "float32", 5);
  const beta = tf.randomNormal([64], 0, 0.2, "float32", 6);
  expect.close(await learner.layerNorm(x, gamma, beta, 1e-5), reference(x, gamma, beta, 1e-5), { rtol: 1e-4, atol: 1e-4 });
});
