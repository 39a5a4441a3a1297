test("the gradient of a tiny batch", { points: 2 }, async () => {
  // e = (0 − 1, 0 − 2); Xᵀe / 2 = ((1·−1 + 3·−2)/2, (2·−1 + 4·−2)/2) = (−3.5, −5); mean error −1.5.
  const [dw, db] = (await learner.batchGradients(tf.tensor2d([[1, 2], [3, 4]]), tf.tensor2d([[1], [2]]), tf.zeros([2, 1]), tf.scalar(0))) as unknown[];
  expect.shape(dw, [2, 1], "∇w L has the shape of w");
  expect.close(dw, [[-3.5], [-5]]);
  expect.shape(db, [], "∂L/∂b is one number");
  expect.close(db, -1.5);
});
