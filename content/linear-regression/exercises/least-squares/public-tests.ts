test("recovers an exact line", { points: 2 }, async () => {
  // y = 2x + 1 exactly.
  const theta = await learner.leastSquares(tf.tensor2d([[0], [1], [2], [3]]), tf.tensor2d([[1], [3], [5], [7]]));
  expect.shape(theta, [2], "one weight per feature, then the bias");
  expect.close(theta, [2, 1], { rtol: 1e-4, atol: 1e-4 });
});
