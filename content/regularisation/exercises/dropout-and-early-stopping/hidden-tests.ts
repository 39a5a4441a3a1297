test("dropout keeps the mean of many activations", async () => {
  const h = tf.fill([1000], 3);
  const mask = tf.randomUniform([1000], 0, 1, "float32", 61).greater(0.2).toFloat();
  const kept = mask.mean().dataSync()[0]!;
  const out = await learner.invertedDropout(h, mask, 0.2);
  expect.shape(out, [1000]);
  expect.close((out as { values: number[] }).values.reduce((a, b) => a + b, 0) / 1000, (3 * kept) / 0.8, { rtol: 1e-5 }, "m ⊙ h / (1 − p)");
});

test("never stopping returns the last epoch", async () => {
  expect.equal(await learner.earlyStopping([5, 4, 3, 2, 1], 3), [5, 5]);
  expect.equal(await learner.earlyStopping([1, 2, 3], 5), [3, 1], "the best epoch is where the loss was lowest");
});

test("an equal loss is not an improvement", async () => {
  expect.equal(await learner.earlyStopping([2, 1, 1, 1, 0.5], 2), [4, 2], "only a strictly lower loss resets the count");
});

test("patience 1 stops at the first epoch that does not improve", async () => {
  expect.equal(await learner.earlyStopping([3, 2, 2.5, 1], 1), [3, 2]);
});
