test("output size without padding", async () => {
  expect.equal(await learner.outputSize(28, 3, 1, 0), 26);
});

test("output size with padding 1 keeps the size", async () => {
  expect.equal(await learner.outputSize(28, 3, 1, 1), 28);
});

test("convSame keeps the image size", { points: 2 }, async () => {
  const image = tf.tensor2d([
    [0, 0, 1, 1, 1],
    [0, 0, 1, 1, 1],
    [0, 0, 1, 1, 1],
    [0, 0, 1, 1, 1],
    [0, 0, 1, 1, 1],
  ]);
  const verticalEdge = tf.tensor2d([
    [-1, 0, 1],
    [-1, 0, 1],
    [-1, 0, 1],
  ]);
  expect.shape(await learner.convSame(image, verticalEdge), [5, 5], "use the padding that keeps the size");
});
