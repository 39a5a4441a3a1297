test("matches tf.grad through a chain", { points: 3 }, async () => {
  for (const weights of [[1.5, -0.7, 2.2], [0.3, 4, -1, 1, 0.8]]) {
    const f = (x: tf.Tensor) => weights.reduce((a, w) => tf.sigmoid(a.mul(w)), x);
    const expected = tf.grad(f)(tf.scalar(0.4)).dataSync()[0]!;
    expect.close(await learner.chainGradient(0.4, weights), expected, { rtol: 1e-4, atol: 1e-9 }, "each layer multiplies by σ′(z_k)·w_k");
  }
});

test("ten layers with unit weights leave less than 4⁻¹⁰ of the gradient", async () => {
  const g = (await learner.chainGradient(0, Array(10).fill(1))) as number;
  expect.that(typeof g === "number" && g > 0 && g < 4 ** -10, `expected a positive number below ${4 ** -10}, got ${g}`);
});
