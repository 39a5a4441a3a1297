test("matches tf.grads at several points", { points: 3 }, async () => {
  const X = tf.randomNormal([12, 3], 0, 2, "float32", 21);
  const y = tf.randomNormal([12, 1], 5, 3, "float32", 22);
  const loss = (w: tf.Tensor, b: tf.Tensor) => X.matMul(w).add(b).sub(y).square().mean().div(2);
  for (const seed of [1, 2, 3]) {
    const w = tf.randomNormal([3, 1], 0, 1, "float32", seed);
    const b = tf.scalar(seed - 2);
    const [expectedW, expectedB] = tf.grads(loss)([w, b]);
    const [dw, db] = (await learner.batchGradients(X, y, w, b)) as unknown[];
    expect.close(dw, expectedW, { rtol: 1e-4, atol: 1e-4 }, "∇w L = (1/n) Xᵀ(Xw + b − y)");
    expect.close(db, expectedB, { rtol: 1e-4, atol: 1e-4 }, "∂L/∂b = mean of the errors");
  }
});

test("vanishes at the exact fit", async () => {
  // y = 2·x₁ − x₂ + 3 exactly: at w = (2, −1), b = 3 every error is zero.
  const X = tf.tensor2d([[1, 0], [0, 1], [2, 3], [5, -1]]);
  const y = X.matMul(tf.tensor2d([[2], [-1]])).add(3);
  const [dw, db] = (await learner.batchGradients(X, y, tf.tensor2d([[2], [-1]]), tf.scalar(3))) as unknown[];
  expect.close(dw, [[0], [0]], { atol: 1e-5 });
  expect.close(db, 0, { atol: 1e-5 });
});
