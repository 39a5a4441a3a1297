test("one momentum step", async () => {
  // v = 0.9·(1, 0) + (0.5, −4) = (1.4, −4); θ = (1, −2) − 0.1·v = (0.86, −1.6).
  const [theta, velocity] = (await learner.momentumStep(tf.tensor1d([1, -2]), tf.tensor1d([1, 0]), tf.tensor1d([0.5, -4]), 0.1, 0.9)) as unknown[];
  expect.close(velocity, [1.4, -4], { rtol: 1e-5 }, "v ← βv + g");
  expect.close(theta, [0.86, -1.6], { rtol: 1e-5 }, "θ ← θ − αv with the new v");
});

test("the first Adam step", { points: 2 }, async () => {
  // At t = 1 the corrected averages are g and g², so the step is α·g/(|g| + ε): about α in each coordinate.
  const [theta, m, v] = (await learner.adamStep(tf.tensor1d([1, -2]), tf.zeros([2]), tf.zeros([2]), tf.tensor1d([0.5, -4]), 1, 0.1, 0.9, 0.999, 1e-8)) as unknown[];
  expect.close(m, [0.05, -0.4], { rtol: 1e-5 }, "m ← β₁m + (1 − β₁)g");
  expect.close(v, [0.00025, 0.016], { rtol: 1e-4 }, "v ← β₂v + (1 − β₂)g²");
  expect.close(theta, [0.9, -1.9], { rtol: 1e-4 }, "correct m and v by 1 − βᵗ before the step");
});
