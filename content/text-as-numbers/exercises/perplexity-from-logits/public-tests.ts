test("a uniform model's perplexity is the vocabulary size", { points: 2 }, async () => {
  // Equal logits in every row: p = 1/4 for every token, so H = log 4 and PPL = 4, whatever the targets.
  const ppl = await learner.perplexity(tf.fill([3, 4], 0.5) as tf.Tensor2D, tf.tensor1d([0, 3, 1], "int32"));
  expect.shape(ppl, [], "return one number for the whole sequence: average over the steps first");
  expect.close(ppl, 4, { rtol: 1e-5 }, "perplexity is e to the mean cross-entropy, not the cross-entropy itself");
});

test("perplexity of the lesson's example", { points: 2 }, async () => {
  // Probabilities 1/2 and 1/8 for the true tokens (logits are log-probabilities here):
  // H = (log 2 + log 8) / 2 = 2 log 2, so PPL = 4.
  const logits = tf.tensor2d([[Math.log(0.5), Math.log(0.25), Math.log(0.25)], [Math.log(0.125), Math.log(0.375), Math.log(0.5)]]);
  const ppl = await learner.perplexity(logits, tf.tensor1d([0, 0], "int32"));
  expect.close(ppl, 4, { rtol: 1e-5 });
});
