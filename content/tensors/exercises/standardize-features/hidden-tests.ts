test("matches the formula on a small example", { points: 2 }, async () => {
  // Column 0: mean 2, σ = sqrt(2/3). Column 1: mean 0, σ = sqrt(8/3).
  const z = await learner.standardize(tf.tensor2d([[1, -2], [2, 0], [3, 2]]));
  const a = 1 / Math.sqrt(2 / 3);
  const b = 2 / Math.sqrt(8 / 3);
  expect.close(z, [[-a, -b], [0, 0], [a, b]], { rtol: 1e-4, atol: 1e-5 }, "use the population standard deviation (divide by n)");
});

test("columns on different scales are standardised separately", { points: 2 }, async () => {
  // Area in m² next to age in years: the whole-tensor mean would leave the columns far apart.
  const z = await learner.standardize(tf.tensor2d([[50, 1], [80, 30], [120, 12], [200, 5], [65, 40]]));
  expect.shape(z, [5, 2]);
  const values = (z as { values: number[] }).values;
  const meanOf = (j: number) => [0, 1, 2, 3, 4].reduce((sum, i) => sum + values[i * 2 + j]!, 0) / 5;
  expect.close(meanOf(0), 0, { atol: 1e-4 }, "each feature needs its own mean: reduce along axis 0 only");
  expect.close(meanOf(1), 0, { atol: 1e-4 }, "each feature needs its own mean: reduce along axis 0 only");
});

test("works on many features", async () => {
  const x = tf.randomNormal([64, 7], 5, 3, "float32", 42).mul(tf.range(1, 8));
  const z = await learner.standardize(x);
  expect.shape(z, [64, 7]);
  expect.finite(z);
});
