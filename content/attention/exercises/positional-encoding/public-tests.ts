/** The table by the formula, in double precision. */
const table = (length: number, dModel: number) =>
  Array.from({ length }, (_, pos) =>
    Array.from({ length: dModel }, (_, column) => {
      const i = Math.floor(column / 2);
      const angle = pos / Math.pow(10000, (2 * i) / dModel);
      return column % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
    }),
  );

test("position 0 is 0, 1, 0, 1, …", async () => {
  const pe = await learner.positionalEncoding(1, 6);
  expect.shape(pe, [1, 6], "one row per position, one column per dimension");
  expect.close(pe, [[0, 1, 0, 1, 0, 1]], {}, "sin 0 = 0 in the even columns, cos 0 = 1 in the odd ones");
});

test("a 4 × 4 table", { points: 2 }, async () => {
  const pe = await learner.positionalEncoding(4, 4);
  expect.shape(pe, [4, 4]);
  // Pair 0 has ω = 1; pair 1 has ω = 1 / 10000^(2/4) = 0.01.
  expect.close(pe, table(4, 4), { rtol: 1e-5, atol: 1e-6 });
});

test("addPositions adds the table to every sequence", async () => {
  const out = await learner.addPositions(tf.zeros([2, 3, 4]));
  expect.shape(out, [2, 3, 4], "the same shape as the embeddings");
  expect.close(out, [table(3, 4), table(3, 4)], { rtol: 1e-5, atol: 1e-6 });
});
