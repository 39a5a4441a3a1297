test("the gradient matches tf.grad", { points: 3 }, async () => {
  const w = tf.tensor2d([[0.7, -1.3, 2.1], [-0.2, 0.05, -3]]);
  for (const [l1, l2] of [[0.1, 0], [0, 0.3], [0.05, 0.2]]) {
    const expected = tf.grad((v: tf.Tensor) => v.abs().sum().mul(l1!).add(v.square().sum().mul(l2!)))(w);
    const hint = l1 === 0 ? "2λ₂w" : l2 === 0 ? "λ₁·sign(w)" : "λ₁·sign(w) + 2λ₂w";
    expect.close(await learner.penaltyGradient(w, l1, l2), expected, { rtol: 1e-5, atol: 1e-7 }, hint);
  }
});

test("the L1 pull is the same for small and large weights, and zero at zero", async () => {
  const g = await learner.penaltyGradient(tf.tensor1d([0.001, 100, -0.001, 0]), 0.5, 0);
  expect.close(g, [0.5, 0.5, -0.5, 0], { atol: 1e-7 }, "λ₁·sign(w), with sign(0) = 0");
});

test("penalties of a matrix", async () => {
  const w = tf.tensor2d([[3, -4], [0, 1]]);
  expect.close(await learner.penalty(w, 1, 0), 8);
  expect.close(await learner.penalty(w, 0, 1), 26);
});
