/** The table by the formula, in double precision. */
const reference = (length: number, dModel: number) =>
  Array.from({ length }, (_, pos) =>
    Array.from({ length: dModel }, (_, column) => {
      const i = Math.floor(column / 2);
      const angle = pos / Math.pow(10000, (2 * i) / dModel);
      return column % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
    }),
  );

test("several lengths and model sizes", { points: 2 }, async () => {
  for (const [length, dModel] of [[1, 2], [7, 8], [50, 16], [20, 64], [10, 128]]) {
    const pe = await learner.positionalEncoding(length, dModel);
    expect.shape(pe, [length, dModel], `length ${length}, d_model ${dModel}`);
    expect.close(pe, reference(length, dModel), { rtol: 1e-4, atol: 1e-4 }, `length ${length}, d_model ${dModel}`);
  }
});

test("a long sequence: 512 positions, d_model = 32", async () => {
  const pe = await learner.positionalEncoding(512, 32);
  expect.shape(pe, [512, 32]);
  expect.close(pe, reference(512, 32), { rtol: 1e-4, atol: 1e-4 });
});

test("every row has length √(d_model / 2)", async () => {
  const pe = await learner.positionalEncoding(30, 24);
  const values = (pe as { values: number[] }).values;
  for (let pos = 0; pos < 30; pos++) {
    const length = Math.sqrt(values.slice(24 * pos, 24 * pos + 24).reduce((sum, x) => sum + x * x, 0));
    expect.that(Math.abs(length - Math.sqrt(12)) < 1e-4, `row ${pos} has length ${length}, expected √12 ≈ 3.4641`);
  }
});

test("addPositions with a batch of random embeddings", { points: 2 }, async () => {
  const embeddings = tf.randomNormal([3, 10, 12], 0, 1, "float32", 61);
  const out = await learner.addPositions(embeddings);
  expect.shape(out, [3, 10, 12]);
  expect.close(out, embeddings.add(tf.tensor2d(reference(10, 12))), { rtol: 1e-4, atol: 1e-4 });
});
