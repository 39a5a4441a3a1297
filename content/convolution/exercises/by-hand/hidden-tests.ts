const conv = (image: tf.Tensor2D, kernel: tf.Tensor2D, stride: number) => {
  const [h, w] = image.shape;
  const [kh, kw] = kernel.shape;
  return tf.conv2d(image.reshape([1, h, w, 1]) as tf.Tensor4D, kernel.reshape([kh, kw, 1, 1]) as tf.Tensor4D, stride, "valid").squeeze([0, 3]);
};

test("crossCorrelate matches tf.conv2d", { points: 2 }, async () => {
  // An asymmetric kernel: flipping it (true convolution) gives different numbers.
  const image = tf.randomUniform([7, 6], -1, 1, "float32", 5) as tf.Tensor2D;
  const kernel = tf.tensor2d([[1, 2, 0], [0, -1, 3]]);
  expect.close(await learner.crossCorrelate(image, kernel, 1), conv(image, kernel, 1), { rtol: 1e-4, atol: 1e-5 }, "slide the kernel as it is; do not flip it");
});

test("crossCorrelate with stride 2", { points: 2 }, async () => {
  const image = tf.randomUniform([8, 9], 0, 1, "float32", 6) as tf.Tensor2D;
  const kernel = tf.tensor2d([[0.5, -1, 0.5], [1, 0, -1], [0.25, 0.25, 0.25]]);
  const expected = conv(image, kernel, 2);
  const got = await learner.crossCorrelate(image, kernel, 2);
  expect.shape(got, expected.shape, "⌊(n − k)/s⌋ + 1 positions, starting at s·i");
  expect.close(got, expected, { rtol: 1e-4, atol: 1e-5 });
});

test("maxPool matches tf.maxPool, including negative values", { points: 2 }, async () => {
  const image = tf.randomNormal([6, 9], 0, 1, "float32", 8).sub(3) as tf.Tensor2D;
  const expected = tf.maxPool(image.reshape([1, 6, 9, 1]) as tf.Tensor4D, 3, 3, "valid").squeeze([0, 3]);
  expect.close(await learner.maxPool(image, 3), expected, { rtol: 1e-5, atol: 1e-6 }, "start each window's maximum from −Infinity, not 0");
});
