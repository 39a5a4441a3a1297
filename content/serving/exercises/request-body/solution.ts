function requestBody(images: tf.Tensor3D): { instances: number[][][][] } {
  const scaled = tf.tidy(() => images.toFloat().div(255).expandDims(3));
  const instances = scaled.arraySync() as number[][][][];
  scaled.dispose();
  return { instances };
}
