test("output size with stride 2", async () => {
  // (8 + 0 − 3) / 2 = 2.5 → 2, plus 1
  expect.equal(await learner.outputSize(8, 3, 2, 0), 3, "round down: a kernel cannot stop part-way");
});

test("output sizes of common layers", async () => {
  for (const [n, k, s, p, out] of [[32, 5, 1, 2, 32], [224, 7, 2, 3, 112], [13, 3, 2, 0, 6], [5, 5, 1, 0, 1]]) {
    expect.equal(await learner.outputSize(n, k, s, p), out, `n = ${n}, k = ${k}, stride = ${s}, padding = ${p}`);
  }
});

test("convSame matches tf.conv2d with same padding", { points: 2 }, async () => {
  const image = tf.tensor2d([[3, 1, 4, 1, 5, 9], [2, 6, 5, 3, 5, 8], [9, 7, 9, 3, 2, 3], [8, 4, 6, 2, 6, 4]]);
  const kernel = tf.tensor2d([[1, 2, 1], [0, 0, 0], [-1, -2, -1]]);
  const expected = tf.conv2d(image.reshape([1, 4, 6, 1]) as tf.Tensor4D, kernel.reshape([3, 3, 1, 1]) as tf.Tensor4D, 1, "same").reshape([4, 6]);
  const got = await learner.convSame(image, kernel);
  expect.shape(got, [4, 6]);
  expect.close(got, expected, { rtol: 1e-5, atol: 1e-5 });
});
