test("each digit's share of its own examples predicted right", { points: 2 }, async () => {
  // Class 0: 3 of 4 right. Class 1: 1 of 1 right. Class 2: 2 of 3 right.
  const accuracy = await learner.perClassAccuracy(tf.tensor2d([
    [3, 1, 0],
    [0, 1, 0],
    [1, 0, 2],
  ], [3, 3], "int32"));
  expect.shape(accuracy, [3]);
  expect.close(accuracy, [0.75, 1, 2 / 3], {}, "divide each diagonal entry by its row's total (the class's examples)");
});
