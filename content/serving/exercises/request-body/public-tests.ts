/** Shape of a nested array, following first elements (the test's own, not the learner's). */
const dims = (value: unknown): number[] => (Array.isArray(value) ? [value.length, ...dims(value[0])] : []);

const pixels = (n: number, seed: number) => tf.randomUniform([n, 28, 28], 0, 256, "int32", seed);

test("is an object with instances, as nested arrays", async () => {
  const body = (await learner.requestBody(pixels(2, 1))) as { instances?: unknown };
  expect.that(typeof body === "object" && body !== null && "instances" in body, "return an object { instances }");
  expect.that(Array.isArray(body.instances), "instances must be nested arrays of numbers: a tensor does not survive JSON.stringify (use arraySync())");
  expect.equal((body.instances as unknown[]).length, 2, "one instance per image");
});

test("each instance has the model's input shape [28, 28, 1]", { points: 2 }, async () => {
  const body = (await learner.requestBody(pixels(3, 2))) as { instances: unknown[] };
  body.instances.forEach((instance, i) => {
    const shape = dims(instance);
    expect.that(shape.join() === "28,28,1", `instances[${i}] has shape [${shape.join(", ")}]; the model takes [28, 28, 1]: add the channel dimension with expandDims(3)`);
  });
});
