/** Head i of x [b, n, d_model] is its columns i·d_k … (i + 1)·d_k − 1, stacked on a new axis 1. */
const bySlicing = (x: tf.Tensor, heads: number) => {
  const [b, n, dModel] = x.shape as [number, number, number];
  const dK = dModel / heads;
  return tf.stack(Array.from({ length: heads }, (_, i) => x.slice([0, 0, i * dK], [b, n, dK])), 1);
};

test("splitHeads matches slicing the columns", { points: 2 }, async () => {
  const x = tf.randomNormal([2, 5, 12], 0, 1, "float32", 71);
  const heads = await learner.splitHeads(x, 3);
  expect.shape(heads, [2, 3, 5, 4]);
  expect.close(heads, bySlicing(x, 3));
});

test("mergeHeads matches concatenating the heads", { points: 2 }, async () => {
  const x = tf.randomNormal([2, 4, 3, 5], 0, 1, "float32", 72);
  const merged = await learner.mergeHeads(x);
  expect.shape(merged, [2, 3, 20]);
  const heads = Array.from({ length: 4 }, (_, i) => x.slice([0, i, 0, 0], [2, 1, 3, 5]).squeeze([1]));
  expect.close(merged, tf.concat(heads, 2));
});

test("round trip at several shapes", async () => {
  for (const [b, n, dModel, h] of [[3, 7, 16, 4], [1, 6, 8, 1], [2, 3, 16, 16]]) {
    const x = tf.randomNormal([b, n, dModel], 0, 1, "float32", 73);
    const heads = await learner.splitHeads(x, h);
    expect.shape(heads, [b, h, n, dModel / h], `${h} heads of [${b}, ${n}, ${dModel}]`);
    expect.close(heads, bySlicing(x, h), {}, `${h} heads of [${b}, ${n}, ${dModel}]`);
    expect.close(await learner.mergeHeads(bySlicing(x, h)), x, {}, `merging ${h} heads back to [${b}, ${n}, ${dModel}]`);
  }
});
