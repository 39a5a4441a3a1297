function requestBody(images: tf.Tensor3D): { instances: number[][][][] } {
  // Your code
  return { instances: [] };
}
