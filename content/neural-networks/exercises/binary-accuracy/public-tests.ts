test("classes from probabilities", async () => {
  const classes = await learner.predictClasses(tf.tensor2d([[0.9], [0.1], [0.51], [0.3]]));
  expect.shape(classes, [4, 1]);
  expect.close(classes, [[1], [0], [1], [0]]);
});

test("accuracy of a small batch", { points: 2 }, async () => {
  // Predictions 1, 0, 1, 0 against labels 1, 0, 0, 0: three of four right.
  const accuracy = await learner.binaryAccuracy(tf.tensor2d([[1], [0], [0], [0]]), tf.tensor2d([[0.9], [0.1], [0.51], [0.3]]));
  expect.shape(accuracy, [], "one number for the whole batch");
  expect.close(accuracy, 0.75, {}, "the fraction of correct predictions, between 0 and 1");
});
