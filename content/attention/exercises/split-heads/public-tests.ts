// Two positions of d_model = 4, split into 2 heads of 2 columns: head 0 gets columns 0–1, head 1 columns 2–3.
const small = () => tf.tensor3d([[[0, 1, 2, 3], [4, 5, 6, 7]]]);

test("splitHeads of a small example", { points: 2 }, async () => {
  const heads = await learner.splitHeads(small(), 2);
  expect.shape(heads, [1, 2, 2, 2], "[batch, heads, positions, d_k]");
  expect.close(heads, [[[[0, 1], [4, 5]], [[2, 3], [6, 7]]]], {}, "head i holds columns i·d_k … (i + 1)·d_k − 1 of every position");
});

test("mergeHeads undoes splitHeads", { points: 2 }, async () => {
  const merged = await learner.mergeHeads(tf.tensor4d([[[[0, 1], [4, 5]], [[2, 3], [6, 7]]]]));
  expect.shape(merged, [1, 2, 4], "[batch, positions, heads · d_k]");
  expect.close(merged, [[[0, 1, 2, 3], [4, 5, 6, 7]]], {}, "each position's row is head 0's row, then head 1's");
});
