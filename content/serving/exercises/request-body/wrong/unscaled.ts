// Sends raw pixels: the model was trained on [0, 1] and reads 0–255 as something else.
function requestBody(images: tf.Tensor3D): { instances: number[][][][] } {
  return { instances: images.expandDims(3).arraySync() as number[][][][] };
}
