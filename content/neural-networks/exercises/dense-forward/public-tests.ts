test("a relu layer on a small batch", { points: 2 }, async () => {
  // XW + b = [[1·1 + 2·0 + 0.5, 1·−1 + 2·1 − 1], [−1·1 + 0 + 0.5, 1 + 0 − 1]] = [[1.5, 0], [−0.5, 0]].
  const y = await learner.dense(tf.tensor2d([[1, 2], [-1, 0]]), tf.tensor2d([[1, -1], [0, 1]]), tf.tensor1d([0.5, -1]), "relu");
  expect.shape(y, [2, 2], "[n, d] times [d, k] is [n, k]");
  expect.close(y, [[1.5, 0], [0, 0]]);
});

test("a linear layer has no activation", async () => {
  const y = await learner.dense(tf.tensor2d([[1, 2], [-1, 0]]), tf.tensor2d([[1, -1], [0, 1]]), tf.tensor1d([0.5, -1]), "linear");
  expect.close(y, [[1.5, 0], [-0.5, 0]]);
});
