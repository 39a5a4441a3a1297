test("the loss of the lesson's example", { points: 2 }, async () => {
  // v = (1, 0), u = (2, 0), one negative (1, 1): scores 2 and 1.
  // −log σ(2) − log σ(−1) = 0.1269 + 1.3133 = 1.4402.
  const loss = await learner.skipGramLoss(tf.tensor2d([[1, 0]]), tf.tensor2d([[2, 0]]), tf.tensor3d([[[1, 1]]]));
  expect.shape(loss, [], "average over the batch into one number");
  expect.close(loss, Math.log(1 + Math.exp(-2)) + Math.log(1 + Math.exp(1)), { rtol: 1e-4 }, "a negative's term is −log σ(−score): it is small when the score is very negative");
});

test("a batch of two is the mean of its pairs", async () => {
  const center = tf.tensor2d([[1, 0], [0, 1]]);
  const context = tf.tensor2d([[2, 0], [0, -1]]);
  const negatives = tf.tensor3d([[[0, 3], [-1, 0]], [[1, 1], [0, 2]]]);
  const term = (x: number) => Math.log(1 + Math.exp(-x)); // −log σ(x)
  const first = term(2) + term(-0) + term(1);
  const second = term(-1) + term(-1) + term(-2);
  expect.close(await learner.skipGramLoss(center, context, negatives), (first + second) / 2, { rtol: 1e-4 });
});
