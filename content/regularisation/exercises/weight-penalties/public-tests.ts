test("the penalty of a small vector", async () => {
  // 0.1·(1 + 2 + 0.5) + 0.01·(1 + 4 + 0.25) = 0.35 + 0.0525.
  const p = await learner.penalty(tf.tensor1d([1, -2, 0.5]), 0.1, 0.01);
  expect.shape(p, [], "the penalty is one number");
  expect.close(p, 0.4025, { rtol: 1e-5 });
});

test("the gradient of a pure L2 penalty is 2λw", async () => {
  expect.close(await learner.penaltyGradient(tf.tensor1d([1, -2, 0.5]), 0, 0.01), [0.02, -0.04, 0.01], { rtol: 1e-5 }, "2λ₂w");
});
