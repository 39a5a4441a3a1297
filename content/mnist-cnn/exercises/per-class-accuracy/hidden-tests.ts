test("a digit with no examples gets 0, not NaN", async () => {
  const accuracy = await learner.perClassAccuracy(tf.tensor2d([
    [2, 0],
    [0, 0],
  ], [2, 2], "int32"));
  expect.finite(accuracy, "a class with no examples must get 0: divide by at least 1");
  expect.close(accuracy, [1, 0]);
});

test("agrees with the matrix of 10 digits built from random predictions", { points: 2 }, async () => {
  const labels = tf.randomUniform([400], 0, 10, "int32", 93);
  const predictions = tf.randomUniform([400], 0, 10, "int32", 94);
  const matrix = tf.math.confusionMatrix(labels, predictions, 10);
  const counts = matrix.arraySync() as number[][];
  const expected = counts.map((row, i) => row[i]! / Math.max(1, row.reduce((a, b) => a + b, 0)));
  expect.close(await learner.perClassAccuracy(matrix), expected, { rtol: 1e-5 });
});
