test("a matrix and a number", async () => {
  expect.equal(await learner.shapeOf([[1, 2, 3], [4, 5, 6]]), [2, 3]);
  expect.equal(await learner.shapeOf(7), []);
});

test("a ragged array has no shape", { points: 2 }, async () => {
  expect.equal(await learner.shapeOf([[1, 2], [3]]), null, "every element of an array must have the same shape");
});
