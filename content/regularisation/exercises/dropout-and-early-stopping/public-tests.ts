test("kept units are scaled up by 1/(1 − rate)", { points: 2 }, async () => {
  const out = await learner.invertedDropout(tf.tensor1d([2, 2, 2, 2]), tf.tensor1d([1, 0, 1, 0]), 0.5);
  expect.close(out, [4, 0, 4, 0], {}, "divide the kept values by 1 − rate");
});

test("stops after patience epochs without improvement", { points: 2 }, async () => {
  // Best at epoch 3 (loss 3); epochs 4 and 5 do not improve; with patience 2, stop after epoch 5.
  expect.equal(await learner.earlyStopping([5, 4, 3, 3.5, 3.6, 3.7, 2], 2), [5, 3]);
});
