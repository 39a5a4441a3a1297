test("pixels are scaled to [0, 1]", { points: 2 }, async () => {
  const images = tf.tensor3d([[[0, 255, 51, 102]]], [1, 1, 4], "int32").pad([[0, 0], [0, 27], [0, 24]]);
  const body = (await learner.requestBody(images as tf.Tensor3D)) as { instances: number[][][][] };
  expect.close(body.instances, images.toFloat().div(255).expandDims(3), {}, "divide the pixels by 255, as they were when the model was trained");
});

test("a batch keeps its order", async () => {
  const images = tf.stack([tf.fill([28, 28], 0, "int32"), tf.fill([28, 28], 255, "int32")]) as tf.Tensor3D;
  const body = (await learner.requestBody(images)) as { instances: number[][][][] };
  expect.close([body.instances[0]![5]![5]![0]!, body.instances[1]![5]![5]![0]!], [0, 1]);
});
