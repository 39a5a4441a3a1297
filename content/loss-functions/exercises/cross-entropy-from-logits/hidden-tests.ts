test("mae of a batch is one number", async () => {
  const loss = await learner.mae(tf.tensor2d([[1, 2], [3, 4]]), tf.tensor2d([[2, 2], [3, 0]]));
  expect.shape(loss, [], "average over every element, not along one axis");
  expect.close(loss, 5 / 4);
});

test("cross-entropy stays finite for large logits", { points: 2 }, async () => {
  // Example 1 (class 1, logit 0 against 1000) costs 1000; example 2 (class 0) costs 0. The mean is 500.
  const loss = await learner.sparseCrossEntropy(tf.tensor1d([1, 0], "int32"), tf.tensor2d([[1000, 0, -1000], [1000, 0, -1000]]));
  expect.finite(loss, "exp(1000) overflows: subtract each row's maximum inside the log-sum-exp");
  expect.close(loss, 500, { rtol: 1e-5 });
});

test("cross-entropy matches tf.losses.softmaxCrossEntropy", { points: 2 }, async () => {
  const labels = tf.tensor1d([3, 0, 9, 4, 4, 7, 1, 2], "int32");
  const logits = tf.randomNormal([8, 10], 0, 3, "float32", 11);
  const expected = tf.losses.softmaxCrossEntropy(tf.oneHot(labels, 10), logits);
  expect.close(await learner.sparseCrossEntropy(labels, logits), expected, { rtol: 1e-4 }, "average the per-example losses over the batch");
});

test("a confident right answer costs almost nothing, a confident wrong one a lot", async () => {
  const right = await learner.sparseCrossEntropy(tf.tensor1d([2], "int32"), tf.tensor2d([[-5, -5, 10]]));
  const wrong = await learner.sparseCrossEntropy(tf.tensor1d([0], "int32"), tf.tensor2d([[-5, -5, 10]]));
  expect.close(right, Math.log(1 + 2 * Math.exp(-15)), { atol: 1e-5 });
  expect.close(wrong, 15 + Math.log(1 + 2 * Math.exp(-15)), { rtol: 1e-4 });
});
