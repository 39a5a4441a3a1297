test("a probability of exactly 0.5 predicts class 0", async () => {
  expect.equal(((await learner.predictClasses(tf.tensor2d([[0.5]]))) as { values: number[] }).values[0], 0, "only a probability above 0.5 predicts class 1");
});

test("matches tf.metrics.binaryAccuracy on a larger batch", { points: 2 }, async () => {
  const labels = tf.randomUniform([50, 1], 0, 1, "float32", 51).greater(0.5).toFloat();
  const probabilities = tf.randomUniform([50, 1], 0, 1, "float32", 52);
  const expected = tf.metrics.binaryAccuracy(labels, probabilities).mean();
  expect.close(await learner.binaryAccuracy(labels, probabilities), expected, { rtol: 1e-5 });
});
