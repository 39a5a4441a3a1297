test("matches tf.layers.dense for every activation", { points: 3 }, async () => {
  const x = tf.randomNormal([5, 3], 0, 1, "float32", 41);
  const W = tf.randomNormal([3, 4], 0, 1, "float32", 42);
  const b = tf.randomNormal([4], 0, 1, "float32", 43);
  for (const activation of ["relu", "sigmoid", "tanh", "linear"] as const) {
    const z = x.matMul(W).add(b);
    const expected = activation === "relu" ? tf.relu(z) : activation === "sigmoid" ? tf.sigmoid(z) : activation === "tanh" ? tf.tanh(z) : z;
    expect.close(await learner.dense(x, W, b, activation), expected, { rtol: 1e-4, atol: 1e-5 }, `${activation}: f(XW + b), the activation applied to the whole sum`);
  }
});

test("one example, many units", async () => {
  const y = await learner.dense(tf.tensor2d([[2]]), tf.tensor2d([[1, -1, 0.5]]), tf.tensor1d([0, 0, -1]), "sigmoid");
  expect.shape(y, [1, 3]);
  expect.close(y, [[1 / (1 + Math.exp(-2)), 1 / (1 + Math.exp(2)), 0.5]], { rtol: 1e-5 });
});
