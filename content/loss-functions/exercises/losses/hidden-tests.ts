test("mse of a batch is one number", async () => {
  const loss = await learner.mse(tf.tensor([[1, 2], [3, 4]]), tf.tensor([[0, 2], [3, 6]]));
  expect.shape(loss, [], "average over every element, not along one axis");
  expect.close(loss, (1 + 0 + 0 + 4) / 4);
});

test("mse is zero for a perfect prediction", async () => {
  expect.close(await learner.mse(tf.tensor([0.5, -2, 7]), tf.tensor([0.5, -2, 7])), 0);
});

test("bce stays finite when a prediction is exactly 0 or 1", { points: 2 }, async () => {
  const loss = await learner.binaryCrossEntropy(tf.tensor([1, 0, 0, 1]), tf.tensor([1, 0, 1, 0]));
  expect.finite(loss, "clip the probabilities before taking the log");
  // Two perfect predictions cost ~0; two certain mistakes cost about −ln(1e-7) each
  // (in float32, 1 − 1e-7 rounds to 1 − 1.19e-7, hence the loose tolerance).
  expect.close(loss, (2 * -Math.log(1e-7)) / 4, { rtol: 0.02 });
});

test("bce of a 2-d batch averages every element", async () => {
  const y = [[1, 0], [0, 1]];
  const p = [[0.7, 0.1], [0.4, 0.95]];
  const expected = -(Math.log(0.7) + Math.log(0.9) + Math.log(0.6) + Math.log(0.95)) / 4;
  expect.close(await learner.binaryCrossEntropy(tf.tensor(y), tf.tensor(p)), expected, { rtol: 1e-4 });
});
