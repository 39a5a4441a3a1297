test("mse of a known pair", { points: 2 }, async () => {
  const loss = await learner.mse(tf.tensor([1, 2, 3]), tf.tensor([1, 2, 5]));
  expect.shape(loss, [], "return one number for the whole batch: take the mean");
  // (0 + 0 + 4) / 3
  expect.close(loss, 4 / 3);
});

test("bce of the lesson's worked example", { points: 2 }, async () => {
  const loss = await learner.binaryCrossEntropy(tf.tensor([1, 0, 1]), tf.tensor([0.9, 0.2, 0.6]));
  expect.shape(loss, []);
  // (−ln 0.9 − ln 0.8 − ln 0.6) / 3
  expect.close(loss, -(Math.log(0.9) + Math.log(0.8) + Math.log(0.6)) / 3, { rtol: 1e-4 });
});
