const network = (seed: number) => ({
  X: tf.randomNormal([6, 3], 0, 1, "float32", seed),
  Y: tf.randomNormal([6, 1], 0, 1, "float32", seed + 1),
  W1: tf.randomNormal([3, 4], 0, 1, "float32", seed + 2),
  b1: tf.randomNormal([4], 0, 0.5, "float32", seed + 3),
  W2: tf.randomNormal([4, 1], 0, 1, "float32", seed + 4),
  b2: tf.scalar(0.2),
});

test("returns one gradient per parameter, each with its parameter's shape", async () => {
  const { X, Y, W1, b1, W2, b2 } = network(10);
  const [dW1, db1, dW2, db2] = (await learner.backward(X, Y, W1, b1, W2, b2)) as unknown[];
  expect.shape(dW1, [3, 4], "∂J/∂W1 has the shape of W1");
  expect.shape(db1, [4], "∂J/∂b1 has the shape of b1: sum δZ1 over the rows");
  expect.shape(dW2, [4, 1], "∂J/∂W2 has the shape of W2");
  expect.shape(db2, [], "∂J/∂b2 is a number");
});

test("the output layer's gradients", { points: 2 }, async () => {
  const { X, Y, W1, b1, W2, b2 } = network(20);
  const [, , dW2, db2] = (await learner.backward(X, Y, W1, b1, W2, b2)) as unknown[];
  const loss = (W2: tf.Tensor, b2: tf.Tensor) => X.matMul(W1).add(b1).relu().matMul(W2).add(b2).sub(Y).square().mean().div(2);
  const [expectedW2, expectedB2] = tf.grads(loss)([W2, b2]);
  expect.close(dW2, expectedW2, { rtol: 1e-3, atol: 1e-5 }, "∂J/∂W2 = Hᵀ δŶ with δŶ = (Ŷ − Y)/n");
  expect.close(db2, expectedB2, { rtol: 1e-3, atol: 1e-5 }, "∂J/∂b2 = sum of δŶ");
});
