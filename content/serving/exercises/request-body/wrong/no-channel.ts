// Forgets the channel dimension: the service refuses [28, 28] where the model takes [28, 28, 1].
function requestBody(images: tf.Tensor3D): { instances: number[][][][] } {
  return { instances: images.toFloat().div(255).arraySync() as unknown as number[][][][] };
}
