test("perfect predictions fill only the diagonal, with each class's count", async () => {
  const labels = tf.tensor1d([3, 3, 0, 1, 3, 1], "int32");
  const matrix = await learner.confusionMatrix(labels, labels, 4);
  expect.close(matrix, [
    [1, 0, 0, 0],
    [0, 2, 0, 0],
    [0, 0, 0, 0],
    [0, 0, 0, 3],
  ]);
});

test("matches tf.math.confusionMatrix on 500 random digits", { points: 2 }, async () => {
  const labels = tf.randomUniform([500], 0, 10, "int32", 91);
  const predictions = tf.randomUniform([500], 0, 10, "int32", 92);
  const matrix = await learner.confusionMatrix(labels, predictions, 10);
  expect.shape(matrix, [10, 10]);
  expect.close(matrix, tf.math.confusionMatrix(labels, predictions, 10));
});
