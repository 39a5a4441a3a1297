// A function, not a constant: test files' top level runs before tf is given to them.
const lessonImage = () => tf.tensor2d([
  [1, 2, 0, 1],
  [0, 1, 3, 1],
  [2, 1, 0, 0],
  [1, 0, 2, 1],
]);

test("crossCorrelate of the lesson's worked example", { points: 2 }, async () => {
  const K = tf.tensor2d([[1, 0, -1], [1, 0, -1], [1, 0, -1]]);
  const out = await learner.crossCorrelate(lessonImage(), K, 1);
  expect.shape(out, [2, 2], "a 3 × 3 kernel fits in 2 × 2 positions of a 4 × 4 image");
  expect.close(out, [[0, 2], [-2, 0]]);
});

test("maxPool of the lesson's example", async () => {
  const out = await learner.maxPool(lessonImage(), 2);
  expect.shape(out, [2, 2], "windows do not overlap: move by the window size");
  expect.close(out, [[2, 3], [2, 2]]);
});
