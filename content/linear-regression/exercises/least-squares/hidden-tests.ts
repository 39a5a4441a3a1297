test("recovers an exact plane with two features", { points: 2 }, async () => {
  const X = tf.tensor2d([[1, 0], [0, 1], [2, 3], [5, -1], [4, 4]]);
  const y = X.matMul(tf.tensor2d([[1.5], [-2]])).add(4);
  expect.close(await learner.leastSquares(X, y), [1.5, -2, 4], { rtol: 1e-3, atol: 1e-3 });
});

test("on noisy data, the gradient is zero at the answer", { points: 3 }, async () => {
  // The defining property of the least-squares fit, whatever the noise: X̃ᵀ(X̃θ − y) = 0.
  const X = tf.randomUniform([40, 3], -2, 2, "float32", 31);
  const y = X.matMul(tf.tensor2d([[0.5], [-1], [2]])).add(1).add(tf.randomNormal([40, 1], 0, 0.3, "float32", 32));
  const theta = await learner.leastSquares(X, y);
  expect.shape(theta, [4]);
  const values = (theta as { values: number[] }).values;
  const Xb = tf.concat([X, tf.ones([40, 1])], 1);
  const gradient = Xb.transpose().matMul(Xb.matMul(tf.tensor2d(values, [4, 1])).sub(y)).div(40);
  expect.close(gradient, [[0], [0], [0], [0]], { atol: 2e-3 }, "solve the normal equations exactly, not approximately");
});

test("recovers a plane from a feature that is mostly zero", async () => {
  const X = tf.tensor2d([[0, 1], [0, 2], [0, 3], [1, 1]]);
  const y = tf.tensor2d([[3], [5], [7], [10]]);
  // Exact: y = 7·x₁ + 2·x₂ + 1.
  expect.close(await learner.leastSquares(X, y), [7, 2, 1], { rtol: 1e-3, atol: 1e-3 });
});
