test("sigmoidDerivative at known points", { points: 2 }, async () => {
  // σ′(0) = 1/4, its largest value; σ′ is symmetric and falls off fast.
  const s = (z: number) => 1 / (1 + Math.exp(-z));
  const d = await learner.sigmoidDerivative(tf.tensor1d([0, 2, -2, 10]));
  expect.shape(d, [4]);
  expect.close(d, [0.25, s(2) * (1 - s(2)), s(2) * (1 - s(2)), s(10) * (1 - s(10))], { rtol: 1e-4, atol: 1e-7 }, "σ′(z) = σ(z)(1 − σ(z))");
});

test("one layer", async () => {
  // a₁ = σ(2x) at x = 0: σ′(0)·2 = 0.5.
  expect.close(await learner.chainGradient(0, [2]), 0.5, { rtol: 1e-6 });
});
