test("rows are true classes, columns are predictions", { points: 2 }, async () => {
  // One 0 predicted as 1, one 1 predicted as 1, one 2 predicted as 0.
  const matrix = await learner.confusionMatrix(tf.tensor1d([0, 1, 2], "int32"), tf.tensor1d([1, 1, 0], "int32"), 3);
  expect.shape(matrix, [3, 3]);
  expect.close(matrix, [
    [0, 1, 0],
    [0, 1, 0],
    [1, 0, 0],
  ], {}, "entry (i, j) counts examples of true class i predicted as j");
});

test("counts are whole numbers (int32)", async () => {
  const matrix = await learner.confusionMatrix(tf.tensor1d([0, 1], "int32"), tf.tensor1d([0, 1], "int32"), 2);
  expect.dtype(matrix, "int32");
});
