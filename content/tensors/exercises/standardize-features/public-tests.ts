const columnStats = (z: { shape: number[]; values: number[] }) => {
  const [n, d] = z.shape as [number, number];
  const column = (j: number) => Array.from({ length: n }, (_, i) => z.values[i * d + j]!);
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  return Array.from({ length: d }, (_, j) => {
    const c = column(j);
    const mu = mean(c);
    return { mean: mu, std: Math.sqrt(mean(c.map((v) => (v - mu) ** 2))) };
  });
};

test("keeps the shape", async () => {
  const z = await learner.standardize(tf.tensor2d([[1, 10], [2, 20], [3, 30], [4, 40]]));
  expect.shape(z, [4, 2], "standardising rescales the values, it does not change the shape");
});

test("each column has mean 0 and standard deviation 1", { points: 2 }, async () => {
  const z = await learner.standardize(tf.tensor2d([[1, 10], [2, 20], [3, 30], [4, 40]]));
  expect.shape(z, [4, 2]);
  const stats = columnStats(z as { shape: number[]; values: number[] });
  expect.close(stats.map((s) => s.mean), [0, 0], { atol: 1e-5 }, "subtract each column's own mean (reduce over axis 0)");
  expect.close(stats.map((s) => s.std), [1, 1], { atol: 1e-4 }, "divide by each column's own standard deviation");
});
