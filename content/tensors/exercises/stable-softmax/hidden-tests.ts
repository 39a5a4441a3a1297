test("stays finite for large logits", { points: 2 }, async () => {
  const p = await learner.softmax(tf.tensor2d([[1000, 999, 998], [-1000, -1000, -999]]));
  expect.finite(p, "exp(1000) overflows: subtract each row's maximum first");
  const e = [1, Math.exp(-1), Math.exp(-2)];
  const total = e[0]! + e[1]! + e[2]!;
  const f = 1 / (2 + Math.E);
  expect.close(p, [e.map((v) => v / total), [f, f, Math.E * f]], { rtol: 1e-4, atol: 1e-6 });
});

test("matches tf.softmax on random logits", { points: 2 }, async () => {
  const logits = tf.randomNormal([16, 10], 0, 4, "float32", 7);
  expect.close(await learner.softmax(logits), tf.softmax(logits), { rtol: 1e-4, atol: 1e-6 });
});

test("adding a constant to a row changes nothing", async () => {
  const z = tf.tensor2d([[0.5, -1, 2, 0]]);
  expect.close(await learner.softmax(z.add(30)), await learner.softmax(z), { rtol: 1e-4, atol: 1e-6 }, "softmax(z + c) = softmax(z)");
});
