test("an image batch and an empty array", async () => {
  const image = () => Array.from({ length: 28 }, () => Array.from({ length: 28 }, () => [0.5]));
  expect.equal(await learner.shapeOf([image(), image()]), [2, 28, 28, 1]);
  expect.equal(await learner.shapeOf([]), [0]);
});

test("only numbers have a shape", { points: 2 }, async () => {
  expect.equal(await learner.shapeOf([1, "2"]), null, "a string is not a number");
  expect.equal(await learner.shapeOf([[1, 2], [3, null]]), null, "null is not a number");
  expect.equal(await learner.shapeOf({ 0: 1, length: 1 }), null, "an object is not an array");
  expect.equal(await learner.shapeOf([1, Number.NaN]), null, "NaN is not a finite number");
});

test("a deeper ragged array has no shape", async () => {
  expect.equal(await learner.shapeOf([[[1], [2]], [[3], [4, 5]]]), null, "compare every element's shape, at every depth");
  expect.equal(await learner.shapeOf([[1, 2], [[3], 4]]), null, "compare every element's shape, at every depth");
});
