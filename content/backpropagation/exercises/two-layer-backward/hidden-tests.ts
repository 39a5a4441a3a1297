test("matches tf.grads at random points", { points: 4 }, async () => {
  for (const seed of [1, 2, 3]) {
    const X = tf.randomNormal([10, 3], 0, 1, "float32", seed * 10);
    const Y = tf.randomNormal([10, 1], 0, 1, "float32", seed * 10 + 1);
    const W1 = tf.randomNormal([3, 5], 0, 1, "float32", seed * 10 + 2);
    const b1 = tf.randomNormal([5], 0, 0.5, "float32", seed * 10 + 3);
    const W2 = tf.randomNormal([5, 1], 0, 1, "float32", seed * 10 + 4);
    const b2 = tf.scalar(seed / 10);
    const loss = (W1: tf.Tensor, b1: tf.Tensor, W2: tf.Tensor, b2: tf.Tensor) =>
      X.matMul(W1).add(b1).relu().matMul(W2).add(b2).sub(Y).square().mean().div(2);
    const expected = tf.grads(loss)([W1, b1, W2, b2]);
    const got = (await learner.backward(X, Y, W1, b1, W2, b2)) as unknown[];
    const names = ["∂J/∂W1 = Xᵀ δZ1, with δZ1 = δŶ W2ᵀ ⊙ 1[Z1 > 0]", "∂J/∂b1 = δZ1 summed over the rows", "∂J/∂W2 = Hᵀ δŶ", "∂J/∂b2 = δŶ summed"];
    names.forEach((hint, i) => expect.close(got[i], expected[i], { rtol: 1e-3, atol: 1e-5 }, hint));
  }
});

test("units the ReLU switched off get no gradient", async () => {
  // b1 = −100 switches every hidden unit off: nothing reaches W1 or b1.
  const X = tf.randomNormal([4, 2], 0, 1, "float32", 5);
  const got = (await learner.backward(X, tf.ones([4, 1]), tf.ones([2, 3]), tf.fill([3], -100), tf.ones([3, 1]), tf.scalar(0))) as unknown[];
  expect.close(got[0], tf.zeros([2, 3]), { atol: 1e-6 }, "ReLU's derivative is 0 where Z1 ≤ 0");
  expect.close(got[1], tf.zeros([3]), { atol: 1e-6 }, "ReLU's derivative is 0 where Z1 ≤ 0");
  expect.close(got[3], -1, { atol: 1e-5 }, "with every unit off, Ŷ = b2 = 0 and ∂J/∂b2 = mean(Ŷ − Y) = −1");
});
