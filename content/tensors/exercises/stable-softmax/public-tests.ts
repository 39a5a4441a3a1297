const rowSums = (p: { shape: number[]; values: number[] }) => {
  const [n, k] = p.shape as [number, number];
  return Array.from({ length: n }, (_, i) => p.values.slice(i * k, (i + 1) * k).reduce((a, b) => a + b, 0));
};

test("keeps the shape", async () => {
  expect.shape(await learner.softmax(tf.tensor2d([[1, 2, 3], [1, 1, 1]])), [2, 3]);
});

test("each row sums to 1", { points: 2 }, async () => {
  const p = await learner.softmax(tf.tensor2d([[1, 2, 3], [0, 0, 0], [-1, 5, 2]]));
  expect.shape(p, [3, 3]);
  expect.close(rowSums(p as { shape: number[]; values: number[] }), [1, 1, 1], { atol: 1e-5 }, "normalise over each row's classes (axis 1)");
});

test("the lesson's example", async () => {
  const p = await learner.softmax(tf.tensor2d([[2, 1, 0]]));
  const e = [Math.exp(2), Math.exp(1), 1];
  const total = e[0]! + e[1]! + e[2]!;
  expect.close(p, [e.map((v) => v / total)], { rtol: 1e-4 });
});
