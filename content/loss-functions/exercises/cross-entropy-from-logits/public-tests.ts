test("mae of a known pair", async () => {
  // Errors −2, 0, +4 would cancel to 2/3 without the absolute value; with it: (2 + 0 + 4) / 3 = 2.
  const loss = await learner.mae(tf.tensor([3, 2, 1]), tf.tensor([1, 2, 5]));
  expect.shape(loss, [], "return one number: the mean over every element");
  expect.close(loss, 2);
});

test("cross-entropy of the lesson's example", { points: 2 }, async () => {
  // Logits (2, 1, 0.1), true class 0: −log 0.659 ≈ 0.417.
  const loss = await learner.sparseCrossEntropy(tf.tensor1d([0], "int32"), tf.tensor2d([[2, 1, 0.1]]));
  expect.shape(loss, [], "average over the examples into one number");
  const total = Math.exp(2) + Math.exp(1) + Math.exp(0.1);
  expect.close(loss, -Math.log(Math.exp(2) / total), { rtol: 1e-4 });
});
