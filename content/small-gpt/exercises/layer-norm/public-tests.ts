test("a vector of four numbers", { points: 2 }, async () => {
  // μ = 2.5 and σ² = (2.25 + 0.25 + 0.25 + 2.25) / 4 = 1.25, so the outputs are (x − 2.5) / √1.25.
  const y = await learner.layerNorm(tf.tensor2d([[1, 2, 3, 4]]), tf.ones([4]), tf.zeros([4]), 0);
  expect.shape(y, [1, 4], "the output has the shape of x");
  expect.close(y, [[-1.5, -0.5, 0.5, 1.5].map((v) => v / Math.sqrt(1.25))], { rtol: 1e-4, atol: 1e-5 }, "divide by the square root of the variance with 1/d, of this vector alone");
});

test("gain and bias", { points: 2 }, async () => {
  // Row 1 as above; row 2: μ = 3, σ² = (1 + 1 + 1 + 9) / 4 = 3.
  const gamma = [1, 2, 0.5, -1];
  const beta = [0, 1, 0, -1];
  const y = await learner.layerNorm(tf.tensor2d([[1, 2, 3, 4], [2, 2, 2, 6]]), tf.tensor1d(gamma), tf.tensor1d(beta), 0);
  const row = (values: number[], mean: number, variance: number) => values.map((v, i) => (gamma[i]! * (v - mean)) / Math.sqrt(variance) + beta[i]!);
  expect.close(y, [row([1, 2, 3, 4], 2.5, 1.25), row([2, 2, 2, 6], 3, 3)], { rtol: 1e-4, atol: 1e-5 }, "multiply by γ, then add β");
});
