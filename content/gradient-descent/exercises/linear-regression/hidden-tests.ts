/** Points near y = 3x − 1 with fixed noise, so every run grades the same. */
function data() {
  const xs = [-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5];
  const noise = [0.1, -0.2, 0.05, 0.15, -0.1, 0.2, -0.05, -0.15, 0.1, -0.1];
  return { x: tf.tensor1d(xs), y: tf.tensor1d(xs.map((v, i) => 3 * v - 1 + noise[i]!)) };
}

/** The loss written once more, differentiated by TensorFlow.js instead of by hand. */
function autodiff(x: tf.Tensor, y: tf.Tensor, w: number, b: number) {
  const loss = (wt: tf.Tensor, bt: tf.Tensor) => x.mul(wt).add(bt).sub(y).square().mean().div(2);
  const [dw, db] = tf.grads(loss)([tf.scalar(w), tf.scalar(b)]);
  return { dw: dw!, db: db! };
}

test("gradients match tf.grad on the lesson's example", { points: 2 }, async () => {
  const x = tf.tensor1d([1, 2, 3]);
  const y = tf.tensor1d([2, 4, 6]);
  const expected = autodiff(x, y, 0, 0);
  const got = await learner.gradients(x, y, 0, 0);
  expect.close(got.dw, expected.dw, { rtol: 1e-4 });
  expect.close(got.db, expected.db, { rtol: 1e-4 });
});

test("gradients match tf.grad away from zero", { points: 2 }, async () => {
  const { x, y } = data();
  for (const [w, b] of [[0.5, 2], [4, -3], [-1, 0.25]] as const) {
    const expected = autodiff(x, y, w, b);
    const got = await learner.gradients(x, y, w, b);
    expect.close(got.dw, expected.dw, { rtol: 1e-4, atol: 1e-5 }, `at w = ${w}, b = ${b}`);
    expect.close(got.db, expected.db, { rtol: 1e-4, atol: 1e-5 }, `at w = ${w}, b = ${b}`);
  }
});

test("train lowers the loss on every step", { points: 2 }, async () => {
  const { x, y } = data();
  const result = await learner.train(x, y, 0.1, 50);
  expect.equal((result.losses as number[]).length, 50, "record one loss per step");
  expect.decreasing(result.losses, { hint: "is the learning-rate sign right?" });
});

test("train finds the line", { points: 2 }, async () => {
  const { x, y } = data();
  const result = await learner.train(x, y, 0.1, 300);
  // Least squares on this data gives w ≈ 2.98, b ≈ −1.0.
  expect.close(result.w, 2.98, { atol: 0.05 }, "w should approach the slope of the data");
  expect.close(result.b, -1.0, { atol: 0.05 }, "b should approach the intercept of the data");
});
