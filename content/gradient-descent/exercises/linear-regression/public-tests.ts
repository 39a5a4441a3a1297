test("gradients at w = b = 0 on the lesson's example", { points: 2 }, async () => {
  // x = [1, 2, 3], y = [2, 4, 6]: the lesson's worked step.
  const { dw, db } = await learner.gradients(tf.tensor1d([1, 2, 3]), tf.tensor1d([2, 4, 6]), 0, 0);
  expect.close(dw, -28 / 3, { rtol: 1e-5 }, "∂L/∂w is the mean of (ŷ − y)·x");
  expect.close(db, -4, { rtol: 1e-5 }, "∂L/∂b is the mean of (ŷ − y)");
});

test("one step moves against the gradient", async () => {
  const next = await learner.step(tf.tensor1d([1, 2, 3]), tf.tensor1d([2, 4, 6]), 0, 0, 0.1);
  expect.close(next.w, 0.1 * (28 / 3), { rtol: 1e-5 }, "w − α·∂L/∂w");
  expect.close(next.b, 0.4, { rtol: 1e-5 }, "b − α·∂L/∂b");
});
